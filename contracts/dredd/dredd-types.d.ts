// The parts of Dredd 14's hook API the hooks use (Dredd ships no types).
declare module 'hooks' {
  namespace hooks {
    interface DreddTransaction {
      name: string;
      request: { method: string; uri: string; headers: Record<string, string>; body: string };
      expected: { statusCode: string; headers?: Record<string, string>; body?: string; bodySchema?: unknown };
      real?: { statusCode: number; headers: Record<string, string>; body?: string };
      fullPath: string;
      protocol: string;
      host: string;
      port: number;
      skip: boolean;
      fail: boolean | string;
      /** Set by Dredd when the transaction starts (milliseconds since the epoch). */
      startedAt?: number;
    }
  }
  interface DreddHooks {
    beforeAll(hook: (transactions: hooks.DreddTransaction[]) => void): void;
    beforeEach(hook: (transaction: hooks.DreddTransaction) => void): void;
    afterEach(hook: (transaction: hooks.DreddTransaction) => void): void;
  }
  const hooks: DreddHooks;
  export = hooks;
}

declare module 'dredd' {
  interface DreddStats {
    tests: number;
    failures: number;
    errors: number;
    passes: number;
    skipped: number;
  }
  class Dredd {
    constructor(configuration: Record<string, unknown>);
    run(callback: (error: Error | null, stats: DreddStats) => void): void;
  }
  export = Dredd;
}
