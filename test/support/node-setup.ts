import { afterAll, beforeAll } from 'vitest';
import { startRelay, stopRelay } from './node-transport.js';

// The `node` project: provider suites over the node:http transport and a local relay (node-transport.ts).
beforeAll(startRelay);
afterAll(stopRelay);
