import { readdirSync } from 'node:fs';
import type { FaultAdapter } from './adapter.js';

/** Every adapter in `test/faults/providers/`, by file name: adding a provider to the suite is adding one file there. */
export async function loadAdapters(): Promise<FaultAdapter[]> {
  const directory = new URL('../providers/', import.meta.url);
  const files = readdirSync(directory).filter((file) => file.endsWith('.ts')).sort();
  const adapters: FaultAdapter[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, directory).href)) as { default?: FaultAdapter };
    if (module.default) adapters.push(module.default);
  }
  return adapters;
}
