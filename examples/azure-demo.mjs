// Bing's models for developers: Azure OpenAI chat with its content-filter
// verdicts, then an OpenAI-compatible server. Run: `node examples/azure-demo.mjs`
// (after `npm run build`). With AZURE_RESOURCE_NAME and AZURE_OPENAI_API_KEY
// (and AZURE_DEPLOYMENT) set it calls Azure; with DEEPSEEK_API_KEY, DeepSeek;
// otherwise the local emulator plays both.
import { generateText, streamText } from 'aigc';
import { createAzure } from 'aigc/azure';
import { createDeepSeek, createOpenAICompatible } from 'aigc/openai-compatible';
import { pathToFileURL } from 'node:url';
import { startEmulator } from './emulator/server.mjs';

/** Runs the Azure and OpenAI-compatible steps; `emulatorURL` stands in for missing credentials; `step(title)` prints a heading. */
export async function runAzure(emulatorURL, step = (title) => console.log(`\n── ${title} ──`)) {
  const live = Boolean(process.env.AZURE_RESOURCE_NAME && process.env.AZURE_OPENAI_API_KEY);
  const azure = live ? createAzure() : createAzure({ baseURL: `${emulatorURL}/openai`, apiKey: 'emulator-key' });
  const deployment = process.env.AZURE_DEPLOYMENT ?? 'gpt-4o';
  console.log(live ? `\nUsing Azure OpenAI (resource ${process.env.AZURE_RESOURCE_NAME}, deployment ${deployment}).` : '\nOffline: Azure OpenAI is played by the emulator.');

  step("generateText: Bing Chat's GPT-4 family on Azure OpenAI");
  const { text, providerMetadata } = await generateText({ model: azure(deployment), prompt: 'In one sentence: which model did Bing Chat run on?' });
  console.log(text);
  const verdicts = providerMetadata?.azure?.promptFilterResults?.[0]?.contentFilterResults ?? {};
  console.log(`(prompt filter: ${Object.entries(verdicts).map(([category, verdict]) => `${category}=${verdict.severity ?? (verdict.detected ? 'detected' : 'clean')}`).join(', ') || 'none reported'})`);

  step('streamText: Azure, skipping the prompt-filter chunk');
  const result = streamText({ model: azure(deployment), prompt: '必应聊天用的是什么模型？' });
  for await (const delta of result.textStream) process.stdout.write(delta);
  console.log(`\n(finish: ${await result.finishReason}, tokens: ${(await result.usage).totalTokens})`);

  const deepseekLive = Boolean(process.env.DEEPSEEK_API_KEY);
  step(deepseekLive ? 'streamText: DeepSeek reasoner (reasoning, then the answer)' : 'streamText: an OpenAI-compatible server (the emulator)');
  const model = deepseekLive
    ? createDeepSeek()('deepseek-reasoner')
    : createOpenAICompatible({ name: 'local', baseURL: `${emulatorURL}/v1`, apiKey: 'emulator-key' })('local-model');
  const compatible = streamText({ model, prompt: '用一句话介绍 AIGC。' });
  for await (const part of compatible.fullStream) {
    if (part.type === 'reasoning-delta') process.stdout.write(`\x1b[2m${part.text}\x1b[0m`);
    if (part.type === 'text-delta') process.stdout.write(part.text);
  }
  console.log(`\n(provider: ${model.provider}, finish: ${await compatible.finishReason})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const emulator = await startEmulator();
  try {
    await runAzure(emulator.url);
  } finally {
    await emulator.close();
  }
}
