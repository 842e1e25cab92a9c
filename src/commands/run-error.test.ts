import { parseArgs } from 'node:util';
import { UnknownCheckError } from '../checks/select';
import { AnswersFileError } from '../engine/control/load-answers';
import { StageError } from '../engine/control/stage';
import { HarError } from '../har/read-har';
import { HarnessError } from '../platform/harness-error';
import { ProxyStartError } from '../proxy/start';
import { SpecError } from '../spec/spec';
import { UsageError } from './output';
import { EXIT } from '../platform/exit';
import { runErrorOf, runErrorText } from './run-error';

const USAGE = 'Usage: kaiten-webhooks thing [options]\n';

describe('runErrorText: how the CLI says an error of the run', () => {
  it.each([
    [new SpecError('spec.yaml', 'no paths'), 'kaiten-webhooks: cannot use the spec spec.yaml: no paths\n'],
    [new HarError('x.har is not JSON'), 'kaiten-webhooks: x.har is not JSON\n'],
    [
      new AnswersFileError('cannot use the answers file a.yaml: bad'),
      'kaiten-webhooks: cannot use the answers file a.yaml: bad\n',
    ],
    [
      new StageError('cannot stage {"code":418}: no response'),
      'kaiten-webhooks: cannot stage {"code":418}: no response\n',
    ],
    [new HarnessError('port 4010 is in use'), 'kaiten-webhooks: port 4010 is in use\n'],
  ])('%s: one line, no usage', (error, text) => {
    expect(runErrorText(error, USAGE)).toBe(text);
    expect(error.exitCode).toBe(EXIT.unusable);
  });

  it.each([[new UsageError('--upstream is required')], [new UnknownCheckError('--checks: no check named "x"')]])(
    '%s: the line, a blank line, then the command usage',
    (error) => {
      expect(runErrorText(error, USAGE)).toBe(`kaiten-webhooks: ${error.message}\n\n${USAGE}`);
      expect(error.exitCode).toBe(EXIT.unusable);
    },
  );

  it('a proxy that cannot start says so before why, and keeps its message', () => {
    const error = new ProxyStartError('the upstream http://127.0.0.1:1 is unreachable (ECONNREFUSED)');
    expect(error.message).toBe('the upstream http://127.0.0.1:1 is unreachable (ECONNREFUSED)');
    expect(runErrorText(error, USAGE)).toBe(
      'kaiten-webhooks: could not start the proxy: the upstream http://127.0.0.1:1 is unreachable (ECONNREFUSED)\n',
    );
  });

  it('an error given its own exit code ends the run with it', () => {
    expect(new HarnessError('x', { exitCode: EXIT.failed }).exitCode).toBe(EXIT.failed);
  });
});

describe('runErrorOf', () => {
  it('keeps a HarnessError as it is, whatever its class', () => {
    const error = new SpecError('spec.yaml', 'no paths');
    expect(runErrorOf(error)).toBe(error);
  });

  it("takes parseArgs refusing the arguments as a usage error, in node's words", () => {
    let refused: unknown;
    try {
      parseArgs({ args: ['--bogus'], options: {} });
    } catch (error) {
      refused = error;
    }
    const said = runErrorOf(refused);
    expect(said).toBeInstanceOf(UsageError);
    expect(said?.message).toBe((refused as Error).message);
  });

  it.each([[new Error('boom')], [new TypeError('x is undefined')], ['a string'], [null], [undefined]])(
    'leaves anything else (%p) to be reported as a bug',
    (thrown) => {
      expect(runErrorOf(thrown)).toBeUndefined();
    },
  );
});

describe('the error classes keep their names for those who match them', () => {
  it.each([
    [new SpecError('s', 'r'), 'SpecError'],
    [new UnknownCheckError('m'), 'UnknownCheckError'],
    [new AnswersFileError('m'), 'AnswersFileError'],
    [new StageError('m'), 'StageError'],
    [new ProxyStartError('m'), 'ProxyStartError'],
    [new HarError('m'), 'HarError'],
    [new UsageError('m'), 'UsageError'],
    [new HarnessError('m'), 'HarnessError'],
  ])('%s', (error, name) => {
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
  });
});
