// One call through each other provider entry, against the emulator's routes
// for that provider, so every provider's code runs in every runtime. Keyed by
// package specifier; an entry with no call here is reported as missing.
export const providerCalls = {
  'aigc/azure': async ({ aigc, module, baseURL }) => {
    const azure = module.createAzure({ baseURL: `${baseURL}/openai`, apiKey: 'smoke-key' });
    const { text } = await aigc.generateText({ model: azure('gpt4o-prod'), prompt: 'Which model did Bing Chat use?' });
    return { text };
  },
  'aigc/baidu': async ({ aigc, module, baseURL }) => {
    const baidu = module.createBaidu({
      clientId: 'test-client-id-abc',
      clientSecret: 'test-client-secret-xyz',
      apiKey: 'bce-v3/ALTAK-test/0123456789abcdef',
      baseURL: `${baseURL}/baidu`,
    });
    const v2 = await aigc.generateText({ model: baidu('ernie-4.5-turbo-128k'), prompt: '你好' });
    const v1 = aigc.streamText({ model: baidu('ernie-3.5-8k', { api: 'v1' }), prompt: '介绍北京' });
    let streamed = '';
    for await (const delta of v1.textStream) streamed += delta;
    return { text: v2.text, streamed };
  },
  'aigc/midjourney': async ({ aigc, module, baseURL }) => {
    const midjourney = module.createMidjourney({ baseURL: `${baseURL}/mj`, apiSecret: 'smoke-secret', pollIntervalMs: 1, api: 'plus' });
    const { image } = await aigc.generateImage({ model: midjourney('v7'), prompt: 'an apple' });
    return { mediaType: image.mediaType, byteLength: image.uint8Array.byteLength };
  },
  'aigc/stability': async ({ aigc, module, baseURL }) => {
    const stability = module.createStability({ apiKey: 'sk-smoke', baseURL });
    const { image } = await aigc.generateImage({ model: stability('core'), prompt: 'a lighthouse', seed: 4242 });
    const webui = module.createAutomatic1111({ baseURL, progressIntervalMs: 5 });
    const local = await aigc.generateImage({ model: webui('sd_xl_base_1.0'), prompt: 'a cabin', seed: 100 });
    return { mediaType: image.mediaType, byteLength: image.uint8Array.byteLength, webuiMediaType: local.image.mediaType, webuiByteLength: local.image.uint8Array.byteLength };
  },
  'aigc/openai-compatible': async ({ aigc, module, baseURL }) => {
    const compatible = module.createOpenAICompatible({ name: 'smoke', baseURL: `${baseURL}/v1`, apiKey: 'smoke-key' });
    const { text } = await aigc.generateText({ model: compatible('qwen-plus'), prompt: '什么是AIGC？' });
    return { text };
  },
};
