import { afterEach, beforeAll, afterAll, expect } from 'vitest';

// No msw here: the fault suite talks to a real server on 127.0.0.1.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});

afterEach(async () => {
  // Unhandled rejections are reported after the microtask queue drains; give them a turn.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const found = unhandled.splice(0);
  expect(found, 'unhandled rejections').toEqual([]);
});

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
