// A weather assistant: the model calls a typed tool, aigc validates the input,
// runs it, sends the result back and the model answers — a two-step loop.
// Run: `node examples/weather-assistant.mjs` (after `npm run build`); offline
// against the emulator unless OPENAI_API_KEY is set.
import { streamText, tool } from 'aigc';
import { createOpenAI } from 'aigc/openai';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { startEmulator } from './emulator/server.mjs';

const weather = tool({
  description: 'Current weather in a city',
  inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']).optional() }),
  // A real app would call a weather API here.
  execute: async ({ city, unit = 'celsius' }) => ({ city, temperature: unit === 'celsius' ? 21 : 70, unit, sky: 'sunny' }),
});

/** Streams one assistant turn, printing tool calls, results and the answer. */
export async function runWeatherAssistant(model, question = 'What is the weather in Paris?') {
  const result = streamText({ model, prompt: question, tools: { weather }, maxSteps: 3 });
  for await (const part of result.fullStream) {
    if (part.type === 'tool-call') console.log(`→ ${part.toolName}(${JSON.stringify(part.input)})`);
    else if (part.type === 'tool-result') console.log(`← ${JSON.stringify(part.output)}`);
    else if (part.type === 'text-delta') process.stdout.write(part.text);
  }
  const steps = await result.steps;
  console.log(`\n(${steps.length} steps, ${(await result.usage).totalTokens} tokens)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const live = Boolean(process.env.OPENAI_API_KEY);
  const emulator = live ? undefined : await startEmulator();
  const openai = live ? createOpenAI() : createOpenAI({ baseURL: `${emulator.url}/v1`, apiKey: 'emulator-key' });
  if (!live) console.log(`Offline: using the local emulator at ${emulator.url}.`);
  try {
    await runWeatherAssistant(openai('gpt-4o-mini'));
  } finally {
    await emulator?.close();
  }
}
