/**
 * The code block a document marks with `<!-- run: NAME -->` on the line before it: what a test
 * runs as written. Throws when the mark or its block is missing, so a renamed block fails loudly.
 */
export function markedBlock(document: string, name: string): string {
  const mark = document.indexOf(`<!-- run: ${name} -->`);
  if (mark === -1) throw new Error(`no "<!-- run: ${name} -->" block`);
  const block = /^```[\w-]*\n([\s\S]*?)^```$/m.exec(document.slice(mark));
  if (block === null) throw new Error(`"<!-- run: ${name} -->" is not followed by a code block`);
  return block[1]!;
}

/** The names of every marked block of a document, in order. */
export const markedBlockNames = (document: string): string[] => [...document.matchAll(/<!-- run: ([\w-]+) -->/g)].map((match) => match[1]!);
