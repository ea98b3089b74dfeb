/**
 * The long-running job engine (submit, poll, progress, resume) shared by every
 * async image provider. Providers import it directly from `src/jobs`.
 */
export { runJob, type JobPollResult, type RunJobOptions, type RunJobResult } from './run-job.js';
