import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';

/** README.md and every page under docs/, by path from the package root. */
export function docPages(): Map<string, string> {
  const pages = new Map<string, string>([['README.md', readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8')]]);
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) pages.set(relative(PACKAGE_ROOT, path), readFileSync(path, 'utf8'));
    }
  };
  walk(join(PACKAGE_ROOT, 'docs'));
  return pages;
}

/** A page's text: `docs/mock.md`, `README.md`. */
export const docPage = (path: string): string => readFileSync(join(PACKAGE_ROOT, path), 'utf8');

/**
 * The code block a page marks with `<!-- run: NAME -->` on the line before it: what a test runs
 * as written. Throws when the mark or its block is missing, so a renamed block fails loudly.
 */
export function markedBlock(document: string, name: string): string {
  const mark = document.indexOf(`<!-- run: ${name} -->\n`);
  if (mark === -1) throw new Error(`no "<!-- run: ${name} -->" block`);
  const block = /^```[\w-]*\n([\s\S]*?)^```$/m.exec(document.slice(mark));
  if (block === null) throw new Error(`"<!-- run: ${name} -->" is not followed by a code block`);
  return block[1]!;
}

/** The block marked `name` on whichever page of README.md and docs/ has it. */
export function docBlock(name: string): string {
  const page = [...docPages().values()].find((text) => text.includes(`<!-- run: ${name} -->\n`));
  if (page === undefined) throw new Error(`no page has a "<!-- run: ${name} -->" block`);
  return markedBlock(page, name);
}

/** One fenced block of a page, with the comment on the line before it, if any. */
export interface DocBlock {
  page: string;
  line: number;
  language: string;
  mark: string | undefined;
}

/** Every fenced block of README.md and docs/, with its mark. */
export function docBlocks(): DocBlock[] {
  return [...docPages()].flatMap(([page, text]) => {
    const lines = text.split('\n');
    const blocks: DocBlock[] = [];
    let open = false;
    lines.forEach((line, i) => {
      if (!line.startsWith('```')) return;
      if (!open)
        blocks.push({
          page,
          line: i + 1,
          language: line.slice(3).trim(),
          mark: /^<!-- (.*) -->$/.exec(lines[i - 1] ?? '')?.[1],
        });
      open = !open;
    });
    return blocks;
  });
}
