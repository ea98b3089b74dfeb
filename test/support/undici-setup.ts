import { afterAll, beforeAll } from 'vitest';
import { startRelay, stopRelay } from './undici-transport.js';

// The `undici` project: provider suites over the undici transport and a local relay (undici-transport.ts).
beforeAll(startRelay);
afterAll(stopRelay);
