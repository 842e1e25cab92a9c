import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, runCli } from './cli';
import { PACKAGE_ROOT } from './version';

function run(...args: string[]) {
  const output = { out: '', err: '' };
  const code = runCli(args, { out: (text) => (output.out += text), err: (text) => (output.err += text) });
  return { code, ...output };
}

describe('kaiten-webhooks', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run('--version')).toEqual({ code: EXIT.ok, out: `${version}\n`, err: '' });
  });

  it('--help prints usage and exit codes', () => {
    const { code, out } = run('--help');
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^Usage: kaiten-webhooks/);
    expect(out).toContain('Exit codes');
  });

  it('an unknown option is a usage error (exit 2) that says which option', () => {
    const { code, err, out } = run('--frobnicate');
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain("'--frobnicate'");
    expect(out).toBe('');
  });

  it('an unknown command is a usage error (exit 2) that names it', () => {
    const { code, err } = run('deploy');
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain('unknown command "deploy"');
  });
});
