import { createMidjourney } from '../../../providers/midjourney/index.js';
import type { FaultAdapter } from '../support/adapter.js';

const task = (id: string, fields: Record<string, unknown>) =>
  JSON.stringify({ id, action: 'IMAGINE', prompt: 'fault', promptEn: 'fault', description: '/imagine fault', submitTime: 1730000000000, failReason: null, properties: {}, ...fields });

/** Midjourney through midjourney-proxy: submit `/submit/imagine`, poll `/task/{id}/fetch`, `mj-api-secret` header. */
const adapter: FaultAdapter = {
  name: 'midjourney',
  jobImageModel: ({ baseURL, secret, fetch, pollIntervalMs }) => createMidjourney({ baseURL: `${baseURL}/mj`, apiSecret: secret, fetch, pollIntervalMs, api: 'open-source' }).image('v7'),
  jobProviderOptions: { midjourney: { split: false } },
  job: {
    isSubmit: (path) => path === '/mj/submit/imagine',
    isPoll: (path) => /^\/mj\/task\/[^/]+\/fetch$/.test(path),
    submitted: (jobId) => JSON.stringify({ code: 1, description: '提交成功', result: jobId, properties: {} }),
    running: (jobId, progress) => task(jobId, { status: 'IN_PROGRESS', progress: `${Math.round(progress * 100)}%`, imageUrl: null, startTime: 1730000001000 }),
    succeeded: (jobId, imageUrl) => task(jobId, { status: 'SUCCESS', progress: '100%', imageUrl, finishTime: 1730000009000 }),
    failed: (jobId, reason) => task(jobId, { status: 'FAILURE', progress: '', imageUrl: null, failReason: reason }),
    errorBody: (message) => JSON.stringify({ code: 9, description: message }),
  },
};

export default adapter;
