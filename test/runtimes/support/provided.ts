// Values the global setup hands to the runtime tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the provider emulator on 127.0.0.1. */
    emulatorURL: string;
    /** Absolute path of the packed tarball. */
    tarball: string;
    /** Names the packed `aigc` entry exports, per exports key (`.`, `./openai`, …). */
    exportedNames: Record<string, string[]>;
    /** The packed package.json's `imports` map. */
    packageImports: Record<string, unknown>;
  }
}
export {};
