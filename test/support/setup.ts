import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { server } from './msw-server.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  process.on('unhandledRejection', onUnhandled);
});

afterEach(() => {
  server.resetHandlers();
  // Any test that leaves a rejected promise nobody observed fails here.
  const found = unhandled.splice(0);
  expect(found, 'unhandled rejections').toEqual([]);
});

afterAll(() => {
  server.close();
  process.off('unhandledRejection', onUnhandled);
});
