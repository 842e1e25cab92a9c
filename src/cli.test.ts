import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';
import { EXIT } from './platform/exit';
import { CHECK_USAGE } from './commands/usage';
import { PACKAGE_ROOT } from './platform/version';

async function run(...args: string[]) {
  const output = { out: '', err: '' };
  const code = await runCli(
    args,
    { out: (text) => (output.out += text), err: (text) => (output.err += text) },
    Promise.resolve(),
  );
  return { code, ...output };
}

describe('kaiten-webhooks', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await run('--version')).toEqual({ code: EXIT.ok, out: `${version}\n`, err: '' });
  });

  it('--help prints usage, the commands and exit codes', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^Usage: kaiten-webhooks/);
    expect(out).toMatch(/^ {2}mock /m);
    expect(out).toContain('Exit codes');
  });

  it('an unknown option is a usage error (exit 2) that says which option', async () => {
    const { code, err, out } = await run('--frobnicate');
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain("'--frobnicate'");
    expect(out).toBe('');
  });

  it('an unknown command is a usage error (exit 2) that names it', async () => {
    const { code, err } = await run('deploy');
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain('unknown command "deploy"');
  });

  it('mock --help prints the mock flags', async () => {
    const { code, out } = await run('mock', '--help');
    expect(code).toBe(EXIT.ok);
    for (const flag of [
      '--spec',
      '--host',
      '--port',
      '--seed',
      '--token',
      '--forbidden-token',
      '--delay',
      '--log-level',
      '--no-watch',
    ]) {
      expect(out).toContain(flag);
    }
  });

  it.each([
    [['--port', 'eighty'], '--port must be a whole number from 0 to 65535, not "eighty"'],
    [['--delay', '-5'], "Option '--delay' argument is ambiguous"],
    [['--delay', '999999'], '--delay must be a whole number from 0 to 60000'],
    [['--log-level', 'loud'], '--log-level must be one of silent, error, warn, info, debug, not "loud"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('mock %j is a usage error (exit 2)', async (args, message) => {
    const { code, err } = await run('mock', ...args);
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain(message);
    expect(err).toContain('Usage: kaiten-webhooks mock');
  });
});

describe('-- CMD', () => {
  it.each([
    [['verify', '--base-url', 'http://127.0.0.1:1', '--', 'true'], 'verify takes no command after --'],
    [['mock', '--'], '-- must be followed by the command to run once the server listens'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, err } = await run(...args);
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain(message);
  });
});

describe('an error of the run, said once by the CLI', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kaiten-cli-unit-'));

  it('an unusable file: one line on standard error, nothing on standard output, exit 2', async () => {
    const missing = join(folder, 'nowhere.har');
    expect(await run('check', missing)).toEqual({
      code: EXIT.unusable,
      out: '',
      err: `kaiten-webhooks: cannot read ${missing}: ENOENT\n`,
    });
  });

  it('an unknown check: a mistake in the flags, said with the command usage, exit 2', async () => {
    const har = join(folder, 'empty.har');
    writeFileSync(har, '{"log":{"entries":[]}}');
    const { code, out, err } = await run('check', har, '--checks', 'no_such_check');
    expect(code).toBe(EXIT.unusable);
    expect(out).toBe('');
    expect(err).toMatch(/^kaiten-webhooks: --checks: no check named "no_such_check"; the checks are [^\n]+\n\n/);
    expect(err.endsWith(`\n\n${CHECK_USAGE}`)).toBe(true);
  });
});
