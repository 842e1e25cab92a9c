// The layering rule of ARCHITECTURE.md is enforced by dependency-cruiser in `npm run lint`; this
// proves the rule set fails on imports that point the wrong way and on cycles, on a planted tree.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** The violations dependency-cruiser reports for a tree of files (path to source), by rule name. */
async function violationsOf(files: Record<string, string>): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'kaiten-layers-'));
  try {
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
    for (const layer of ['src', 'contracts']) mkdirSync(join(folder, layer));
    symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), source);
    }
    const args = [CLI, 'src', 'contracts', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'];
    const outcome = await run(process.execPath, args, { cwd: folder }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    const rules = [...outcome.stdout.matchAll(/error (\S+):/g)].map((match) => match[1]!);
    expect({ code: outcome.code, stdout: outcome.stdout }).toMatchObject({ code: rules.length });
    return rules.sort();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const exported = 'export const value = 1;\n';

test('imports that point down the layers pass', async () => {
  expect(
    await violationsOf({
      'src/spec/load.ts': exported,
      'src/checks/check.ts': "import { value } from '../spec/load';\nexport const check = value;\n",
      'src/engine/pipeline.ts': "import { check } from '../checks/check';\nexport const run = check;\n",
      'src/proxy/start.ts': "import { run } from '../engine/pipeline';\nexport const start = run;\n",
      'contracts/verify.ts': "import { run } from '../src/engine/pipeline';\nexport const verify = run;\n",
      'src/commands/verify.ts': "import { verify } from '../../contracts/verify';\nexport const command = verify;\n",
    }),
  ).toEqual([]);
});

test('an import up the layers fails, named by the layer it leaves', async () => {
  expect(
    await violationsOf({
      'src/spec/load.ts': "import { run } from '../engine/pipeline';\nexport const value = run;\n",
      'src/engine/pipeline.ts': exported,
    }),
  ).toEqual(['spec-imports-nothing-of-ours']);
});

test('a face importing another face, or contracts/, fails', async () => {
  expect(
    await violationsOf({
      'src/msw/handlers.ts': "import { value } from '../mock/server';\nexport const handlers = value;\n",
      'src/mock/server.ts': exported,
      'src/proxy/session.ts': "import { value } from '../../contracts/run';\nexport const session = value;\n",
      'contracts/run.ts': exported,
    }),
  ).toEqual(['faces-import-the-engine', 'faces-import-the-engine', 'only-composition-roots-import-contracts']);
});

test('a cycle fails, even within one layer', async () => {
  expect(
    await violationsOf({
      'src/checks/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/checks/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    }),
  ).toEqual(['no-cycles']);
});

test("Prism's types outside the adapter fail; inside it they pass", async () => {
  expect(
    await violationsOf({
      'src/engine/choose.ts':
        "import type { IHttpOperation } from '@stoplight/types';\nexport type Model = IHttpOperation;\n",
      'src/engine/prism/index.ts': "import * as E from 'fp-ts/Either';\nexport const right = E.right;\n",
    }),
  ).toEqual(['prism-only-in-its-adapter']);
});
