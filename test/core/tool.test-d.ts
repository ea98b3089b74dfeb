import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { generateText, streamText, tool, type Tool } from '../../src/index.js';
import { MockLanguageModel } from '../../src/testing/index.js';

const model = new MockLanguageModel();

describe('tool types', () => {
  it('infers execute’s input from the zod schema', () => {
    tool({
      inputSchema: z.object({ city: z.string(), days: z.number().optional() }),
      execute: async (input) => {
        expectTypeOf(input).toEqualTypeOf<{ city: string; days?: number | undefined }>();
        return { celsius: 21 };
      },
    });
  });

  it('infers the result type from execute’s return', () => {
    const weather = tool({ inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, celsius: 21 }) });
    expectTypeOf(weather).toEqualTypeOf<Tool<{ city: string }, { city: string; celsius: number }>>();
  });

  it('types toolCalls and toolResults of generateText by tool name', async () => {
    const result = await generateText({
      model,
      prompt: 'x',
      tools: {
        weather: tool({ inputSchema: z.object({ city: z.string() }), execute: async () => ({ celsius: 21 }) }),
        time: tool({ inputSchema: z.object({ zone: z.string() }), execute: async () => 'noon' }),
      },
    });
    const call = result.toolCalls[0]!;
    if (call.toolName === 'weather') expectTypeOf(call.input).toEqualTypeOf<{ city: string }>();
    if (call.toolName === 'time') expectTypeOf(call.input).toEqualTypeOf<{ zone: string }>();
    const output = result.toolResults[0]!;
    if (output.toolName === 'weather') expectTypeOf(output.output).toEqualTypeOf<{ celsius: number }>();
    if (output.toolName === 'time') expectTypeOf(output.output).toEqualTypeOf<string>();
  });

  it('rejects a toolChoice naming a tool that does not exist', () => {
    streamText({
      model,
      prompt: 'x',
      tools: { weather: tool({ inputSchema: z.object({ city: z.string() }) }) },
      // @ts-expect-error 'stocks' is not one of the tools
      toolChoice: { type: 'tool', toolName: 'stocks' },
    });
  });
});
