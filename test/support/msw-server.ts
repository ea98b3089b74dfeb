import { setupServer } from 'msw/node';

/** The one msw server for all provider tests; unhandled requests fail the test (setup.ts). */
export const server = setupServer();
