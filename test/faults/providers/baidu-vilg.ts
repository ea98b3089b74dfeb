import { createBaidu } from '../../../providers/baidu/index.js';
import type { FaultAdapter } from '../support/adapter.js';

const task = (jobId: string, fields: Record<string, unknown>) => JSON.stringify({ log_id: 1234567890, data: { task_id: jobId, ...fields } });

/** 文心一格 ERNIE-ViLG v2: submit `txt2imgv2`, poll `getImgv2`, OAuth access token in the query. */
const adapter: FaultAdapter = {
  name: 'baidu-vilg',
  jobImageModel: ({ baseURL, secret, fetch, pollIntervalMs }) =>
    createBaidu({ baseURL, clientId: 'fault-client-id', clientSecret: secret, fetch }).image('ernie-vilg-v2', { pollIntervalMs, maxPollIntervalMs: pollIntervalMs }),
  auxiliaryRoutes: (secret) => [
    { match: (path) => path === '/oauth/2.0/token', body: JSON.stringify({ access_token: `24.${secret}.token`, expires_in: 2592000, scope: 'public' }) },
  ],
  job: {
    isSubmit: (path) => path === '/rpc/2.0/ernievilg/v1/txt2imgv2',
    isPoll: (path) => path === '/rpc/2.0/ernievilg/v1/getImgv2',
    submitted: (jobId) => JSON.stringify({ log_id: 1234567890, data: { primary_task_id: 1, task_id: jobId } }),
    running: (jobId, progress) => task(jobId, { task_status: 'RUNNING', task_progress: progress, sub_task_result_list: [] }),
    succeeded: (jobId, imageUrl) =>
      task(jobId, {
        task_status: 'SUCCESS',
        task_progress: 1,
        sub_task_result_list: [
          { sub_task_status: 'SUCCESS', sub_task_progress: 1, sub_task_error_code: 0, final_image_list: [{ img_url: imageUrl, width: 1024, height: 1024, img_approve_conclusion: 'pass' }] },
        ],
      }),
    failed: (jobId, reason) => task(jobId, { task_status: 'FAILED', task_progress: 0, sub_task_result_list: [{ sub_task_status: 'FAILED', sub_task_error_code: 501, sub_task_progress_detail: reason }] }),
    errorBody: (message) => JSON.stringify({ error: { code: 'gateway_error', message } }),
  },
};

export default adapter;
