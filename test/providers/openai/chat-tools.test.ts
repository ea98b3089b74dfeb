import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenAI } from '../../../providers/openai/index.js';
import {
  generateText,
  hasToolCall,
  InvalidArgumentError,
  InvalidToolInputError,
  NoSuchToolError,
  stepCountIs,
  streamText,
  tool,
  ToolExecutionError,
} from '../../../src/index.js';
import { readAll } from '../../../src/testing/index.js';
import { json, serveChat, sse } from './handlers.js';

const openai = createOpenAI({ apiKey: 'sk-test-tools-0123456789' });
const model = openai('gpt-4o-mini');

const weatherCalls: string[] = [];
const weather = tool({
  description: 'Current weather in a city',
  inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']).optional() }),
  execute: async ({ city }) => {
    weatherCalls.push(city);
    return { city, celsius: 21, sky: 'sunny' };
  },
});

/** A chat.completion whose message calls the given tools. */
const toolCallsReply = (calls: Array<{ id: string; name: string; arguments: string }>) => () =>
  HttpResponse.json({
    id: 'chatcmpl-t',
    object: 'chat.completion',
    created: 1741570100,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: null, tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) },
        finish_reason: 'tool_calls',
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  });

describe('tools over OpenAI chat', () => {
  it('maps tools, tool_choice and parallel_tool_calls to the wire and returns a single call', async () => {
    const requests = serveChat(json('chat-tool-call'));
    const result = await generateText({
      model,
      prompt: 'Weather in Paris?',
      tools: { weather },
      toolChoice: { type: 'tool', toolName: 'weather' },
      providerOptions: { openai: { parallelToolCalls: false } },
    });
    expect(requests[0]!.body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'Current weather in a city',
          parameters: expect.objectContaining({ type: 'object', required: ['city'], properties: expect.objectContaining({ city: { type: 'string' } }) }),
        },
      },
    ]);
    expect(requests[0]!.body.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } });
    expect(requests[0]!.body.parallel_tool_calls).toBe(false);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([{ type: 'tool-call', toolCallId: 'call_a1', toolName: 'weather', input: { city: 'Paris' } }]);
    expect(result.toolResults).toEqual([
      { type: 'tool-result', toolCallId: 'call_a1', toolName: 'weather', input: { city: 'Paris' }, output: { city: 'Paris', celsius: 21, sky: 'sunny' } },
    ]);
  });

  it.each([
    ['auto', 'auto'],
    ['none', 'none'],
    ['required', 'required'],
  ] as const)('maps toolChoice %s', async (choice, wire) => {
    const requests = serveChat(json('chat-basic'));
    await generateText({ model, prompt: 'x', tools: { weather }, toolChoice: choice });
    expect(requests[0]!.body.tool_choice).toBe(wire);
  });

  it('rejects a toolChoice naming an unknown tool before any request', async () => {
    const requests = serveChat(json('chat-basic'));
    await expect(generateText({ model, prompt: 'x', tools: { weather }, toolChoice: { type: 'tool', toolName: 'nope' as never } })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(requests).toHaveLength(0);
  });

  it('runs two parallel calls in one step concurrently and sends both results back', async () => {
    let running = 0;
    let maxRunning = 0;
    const slowWeather = tool({
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return `${city}: 21°C`;
      },
    });
    const requests = serveChat(json('chat-tool-calls-parallel'), json('chat-after-tools'));
    const result = await generateText({ model, prompt: 'Paris and Beijing?', tools: { weather: slowWeather }, maxSteps: 2 });
    expect(maxRunning).toBe(2);
    expect(result.text).toBe('Paris is 21 °C and sunny.');
    expect(result.steps).toHaveLength(2);
    expect(result.usage.totalTokens).toBe(85 + 89);
    expect(requests[1]!.body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_p1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_p2', type: 'function', function: { name: 'weather', arguments: '{"city":"北京"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_p1', content: 'Paris: 21°C' },
      { role: 'tool', tool_call_id: 'call_p2', content: '北京: 21°C' },
    ]);
  });

  it('runs a three-step loop until the model answers', async () => {
    const requests = serveChat(
      toolCallsReply([{ id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' }]),
      toolCallsReply([{ id: 'c2', name: 'weather', arguments: '{"city":"Lyon"}' }]),
      json('chat-after-tools'),
    );
    weatherCalls.length = 0;
    const result = await generateText({ model, prompt: 'x', tools: { weather }, maxSteps: 5 });
    expect(requests).toHaveLength(3);
    expect(weatherCalls).toEqual(['Paris', 'Lyon']);
    expect(result.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'tool-calls', 'stop']);
    expect(result.response.messages).toHaveLength(5);
    expect(requests[2]!.body.messages).toHaveLength(5);
    expect(result.usage.totalTokens).toBe(15 + 15 + 89);
  });

  it('stops at maxSteps and returns the last step’s calls', async () => {
    const requests = serveChat(toolCallsReply([{ id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' }]));
    const result = await generateText({ model, prompt: 'x', tools: { weather }, maxSteps: 2 });
    expect(requests).toHaveLength(2);
    expect(result.steps).toHaveLength(2);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolResults).toHaveLength(1);
  });

  it('stops early with stopWhen conditions', async () => {
    const requests = serveChat(toolCallsReply([{ id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' }]));
    await generateText({ model, prompt: 'x', tools: { weather }, stopWhen: hasToolCall('weather') });
    expect(requests).toHaveLength(1);
    serveChat(toolCallsReply([{ id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' }]));
    const result = await generateText({ model, prompt: 'x', tools: { weather }, stopWhen: stepCountIs(3) });
    expect(result.steps).toHaveLength(3);
  });

  it('sends invalid JSON arguments back as an error result while steps remain', async () => {
    const requests = serveChat(toolCallsReply([{ id: 'c1', name: 'weather', arguments: '{"city": Par' }]), json('chat-after-tools'));
    const result = await generateText({ model, prompt: 'x', tools: { weather }, maxSteps: 3 });
    expect(result.text).toBe('Paris is 21 °C and sunny.');
    expect(result.steps[0]!.toolErrors[0]!.error).toBeInstanceOf(InvalidToolInputError);
    const toolMessage = requests[1]!.body.messages.at(-1);
    expect(toolMessage.role).toBe('tool');
    expect(JSON.parse(toolMessage.content).error).toMatch(/Invalid input for tool weather/);
  });

  it('throws InvalidToolInputError when no steps remain', async () => {
    serveChat(toolCallsReply([{ id: 'c1', name: 'weather', arguments: '{"town":"Paris"}' }]));
    const error = await generateText({ model, prompt: 'x', tools: { weather } }).catch((caught: unknown) => caught);
    expect(InvalidToolInputError.isInstance(error)).toBe(true);
    expect((error as InvalidToolInputError).toolInput).toBe('{"town":"Paris"}');
  });

  it('throws NoSuchToolError for an unknown tool when no steps remain', async () => {
    serveChat(toolCallsReply([{ id: 'c1', name: 'stocks', arguments: '{}' }]));
    const error = await generateText({ model, prompt: 'x', tools: { weather } }).catch((caught: unknown) => caught);
    expect(NoSuchToolError.isInstance(error)).toBe(true);
    expect((error as NoSuchToolError).availableTools).toEqual(['weather']);
  });

  it('reports a throwing execute as ToolExecutionError, or as an error result the model sees', async () => {
    const broken = tool({
      inputSchema: z.object({ city: z.string() }),
      execute: async () => {
        throw new Error('weather service down');
      },
    });
    serveChat(json('chat-tool-call'));
    const error = await generateText({ model, prompt: 'x', tools: { weather: broken } }).catch((caught: unknown) => caught);
    expect(ToolExecutionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('weather service down');

    const requests = serveChat(json('chat-tool-call'), json('chat-after-tools'));
    await generateText({ model, prompt: 'x', tools: { weather: broken }, maxSteps: 2 });
    expect(JSON.parse(requests[1]!.body.messages.at(-1).content)).toEqual({ error: 'Tool weather failed: weather service down' });
  });

  it('returns calls of a tool without execute to the caller and stops the loop', async () => {
    const requests = serveChat(json('chat-tool-call'));
    const result = await generateText({ model, prompt: 'x', tools: { weather: tool({ inputSchema: z.object({ city: z.string() }) }) }, maxSteps: 5 });
    expect(requests).toHaveLength(1);
    expect(result.toolCalls[0]!.input).toEqual({ city: 'Paris' });
    expect(result.toolResults).toEqual([]);
  });
});

describe('tools in streamText', () => {
  it('assembles argument deltas split across many chunks and emits tool-call and tool-result parts', async () => {
    const requests = serveChat(sse('chat-tool-call', { splits: Array.from({ length: 60 }, (_, index) => index * 37) }), sse('chat-after-tools'));
    const result = streamText({ model, prompt: 'x', tools: { weather }, maxSteps: 2 });
    const parts = await readAll(result.fullStream);
    const types = parts.map((part) => part.type);
    expect(types).toEqual(['stream-start', 'tool-call', 'tool-result', 'step-end', 'text-delta', 'text-delta', 'text-delta', 'stream-end']);
    expect(parts[1]).toEqual({ type: 'tool-call', toolCallId: 'call_a1', toolName: 'weather', input: { city: 'Paris', unit: 'celsius' } });
    expect(parts[2]).toMatchObject({ type: 'tool-result', toolCallId: 'call_a1', output: { city: 'Paris', celsius: 21, sky: 'sunny' } });
    expect(await result.text).toBe('Paris is 21 °C and sunny.');
    expect((await result.usage).totalTokens).toBe(62 + 89);
    expect((await result.steps).length).toBe(2);
    expect(requests[1]!.body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_a1', content: '{"city":"Paris","celsius":21,"sky":"sunny"}' });
    expect(requests[1]!.body.messages.at(-2).tool_calls[0].function.arguments).toBe('{"city":"Paris","unit":"celsius"}');
  });

  it('assembles two interleaved parallel calls by index', async () => {
    serveChat(sse('chat-tool-calls-parallel'));
    const parts = await readAll(streamText({ model, prompt: 'x', tools: { weather } }).fullStream);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_p1', toolName: 'weather', input: { city: 'Paris' } },
      { type: 'tool-call', toolCallId: 'call_p2', toolName: 'weather', input: { city: '北京' } },
    ]);
    expect(parts.filter((part) => part.type === 'tool-result')).toHaveLength(2);
  });

  it('emits tool-error parts while steps remain and fails the stream when none do', async () => {
    const broken = tool({
      inputSchema: z.object({ city: z.string(), unit: z.string() }),
      execute: async () => {
        throw new Error('down');
      },
    });
    serveChat(sse('chat-tool-call'), sse('chat-after-tools'));
    const parts = await readAll(streamText({ model, prompt: 'x', tools: { weather: broken }, maxSteps: 2 }).fullStream);
    expect(parts.map((part) => part.type)).toContain('tool-error');
    expect(parts.at(-1)!.type).toBe('stream-end');

    serveChat(sse('chat-tool-call'));
    const result = streamText({ model, prompt: 'x', tools: { weather: broken } });
    await expect(readAll(result.fullStream)).rejects.toBeInstanceOf(ToolExecutionError);
    await expect(result.text).rejects.toBeInstanceOf(ToolExecutionError);
  });
});
