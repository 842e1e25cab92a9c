import { execFileSync } from 'node:child_process';
import { showHeader, toCurl } from './curl';

const secrets = { KAITEN_TOKEN: 's3cr3t', KAITEN_FORBIDDEN_TOKEN: 'ro' };

describe('toCurl', () => {
  it('replays the request exactly, reading secrets from the environment', () => {
    const command = toCurl(
      {
        method: 'POST',
        url: 'http://127.0.0.1:9/webhooks?key=s3cr3t',
        headers: { authorization: 'Bearer s3cr3t', accept: 'application/problem+json' },
        body: `{"url":"it's $HOME \`x\`"}`,
      },
      secrets,
    );
    expect(command).not.toContain('s3cr3t');
    expect(command).toContain('-H "authorization: Bearer $KAITEN_TOKEN"');
    expect(command).toContain("-H 'accept: application/problem+json'");
    // What the shell makes of it: the secret comes back, everything else stays literal.
    const words = execFileSync('bash', ['-c', `printf '%s\\n' ${command.replace(/^curl -sS -i /, '')}`], {
      env: { ...process.env, KAITEN_TOKEN: 's3cr3t' },
      encoding: 'utf8',
    });
    expect(words.split('\n')).toEqual([
      '-X',
      'POST',
      'http://127.0.0.1:9/webhooks?key=s3cr3t',
      '-H',
      'authorization: Bearer s3cr3t',
      '-H',
      'accept: application/problem+json',
      '--data-binary',
      `{"url":"it's $HOME \`x\`"}`,
      '',
    ]);
  });

  it('masks a secret only where it stands whole, never inside other words', () => {
    expect(showHeader('application/problem+json', secrets)).toBe('application/problem+json');
    expect(showHeader('Bearer ro', secrets)).toBe('Bearer $KAITEN_FORBIDDEN_TOKEN');
  });
});
