import { startMock, type MockOptions, type RunningMock } from '../../src/mock/start';

/** Starts a quiet mock on a free loopback port for one describe block and closes it after. */
export function useMock(options: MockOptions = {}): () => RunningMock {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    mock = await startMock({ port: 0, host: '127.0.0.1', logLevel: 'silent', watch: false, ...options });
  });
  afterAll(async () => {
    await mock?.close();
  });
  return () => {
    if (mock === undefined) throw new Error('the mock has not started');
    return mock;
  };
}
