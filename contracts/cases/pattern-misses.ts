import regexpTree from 'regexp-tree';

// Strings one step outside a `pattern`, derived from its structure as regexp-tree parses it: at
// the edge of every quantifier (one repetition too few or too many), just outside every character
// class and range, every literal in another case, left out or replaced, text before `^` and after
// `$`. Each is a candidate only: the schema says (with Ajv) whether it breaks that one rule.

/** A string near a pattern's matches, named after the rule of the pattern it is meant to break. */
export interface PatternMiss {
  title: string;
  value: string;
}

type Node = { type: string; [key: string]: unknown };
type Piece = { title: string; text: string };

const META_SAMPLES: Record<string, string> = {
  '\\d': '0',
  '\\w': 'a',
  '\\s': ' ',
  '\\D': 'a',
  '\\W': '-',
  '\\S': 'a',
  '.': 'a',
};
const FILLERS = ['a', '0', 'x', '-', '_', '~'];

const show = (text: string) => JSON.stringify(text);
/** The node written back as regular-expression source, as a title shows it. */
const sourceOf = (node: Node) => regexpTree.generate(node as unknown as Parameters<typeof regexpTree.generate>[0]);
const charOf = (node: Node) => (node.kind === 'meta' ? META_SAMPLES[String(node.value)] : String(node.value));
const codePoint = (node: Node) => Number((node as { codePoint?: number }).codePoint);

/** Whether one character belongs to a character class. */
function inClass(node: Node, char: string): boolean {
  const members = node.expressions as Node[];
  const found = members.some((member) =>
    member.type === 'ClassRange'
      ? char.codePointAt(0)! >= codePoint(member.from as Node) && char.codePointAt(0)! <= codePoint(member.to as Node)
      : new RegExp(`[${String(member.value)}]`, 'u').test(char),
  );
  return found !== (node.negative === true);
}

function bounds(quantifier: Node): [number, number] {
  switch (quantifier.kind) {
    case '+':
      return [1, Infinity];
    case '*':
      return [0, Infinity];
    case '?':
      return [0, 1];
    default:
      return [
        Number(quantifier.from),
        quantifier.to === undefined ? Number(quantifier.from) : Number(quantifier.to ?? Infinity),
      ];
  }
}

/** The shortest text the node matches (a Disjunction by its first branch), or undefined for what this cannot follow (backreferences, lookarounds). */
function witness(node: Node): string | undefined {
  switch (node.type) {
    case 'Char':
      return charOf(node);
    case 'CharacterClass':
      return [
        ...(node.expressions as Node[]).map((m) => (m.type === 'ClassRange' ? charOf(m.from as Node) : charOf(m))),
        ...FILLERS,
      ].find((char) => char !== undefined && inClass(node, char));
    case 'Repetition': {
      const one = witness(node.expression as Node);
      return one === undefined ? undefined : one.repeat(bounds(node.quantifier as Node)[0]);
    }
    case 'Group':
      return node.expression === null ? '' : witness(node.expression as Node);
    case 'Disjunction':
      return witness(node.left as Node);
    case 'Alternative': {
      const parts = (node.expressions as Node[]).map(witness);
      return parts.includes(undefined) ? undefined : parts.join('');
    }
    case 'Assertion':
      return node.kind === '^' || node.kind === '$' ? '' : undefined;
    default:
      return undefined;
  }
}

/** Texts for one node that break it and only it, each named. */
function broken(node: Node): Piece[] {
  switch (node.type) {
    case 'Char': {
      const char = charOf(node);
      if (char === undefined || node.kind !== 'simple') return [];
      const other = char.toUpperCase() === char ? char.toLowerCase() : char.toUpperCase();
      const neighbour = String.fromCodePoint(codePoint(node) + 1);
      return [
        ...(other === char ? [] : [{ title: `${show(other)} where ${show(char)} is wanted`, text: other }]),
        { title: `${show(neighbour)} where ${show(char)} is wanted`, text: neighbour },
        { title: `the ${show(char)} left out`, text: '' },
      ];
    }
    case 'CharacterClass': {
      const members = node.expressions as Node[];
      const near = members.flatMap((m) =>
        m.type === 'ClassRange'
          ? [codePoint(m.from as Node) - 1, codePoint(m.to as Node) + 1]
          : node.negative === true
            ? [codePoint(m)]
            : [codePoint(m) - 1, codePoint(m) + 1],
      );
      const outside = [
        ...new Set(near.filter((point) => point > 31).map((point) => String.fromCodePoint(point))),
      ].filter((char) => !inClass(node, char));
      return outside.map((char) => ({ title: `${show(char)} where ${sourceOf(node)} is wanted`, text: char }));
    }
    case 'Repetition': {
      const one = witness(node.expression as Node);
      if (one === undefined) return [];
      const [min, max] = bounds(node.quantifier as Node);
      const source = sourceOf(node);
      const edges: Piece[] = [];
      if (min > 0) edges.push({ title: `${source} ${min - 1} time(s)`, text: one.repeat(min - 1) });
      if (Number.isFinite(max)) edges.push({ title: `${source} ${max + 1} time(s)`, text: one.repeat(max + 1) });
      const inner =
        min > 0
          ? broken(node.expression as Node).map((piece) => ({
              title: piece.title,
              text: piece.text + one.repeat(min - 1),
            }))
          : [];
      return [...edges, ...inner];
    }
    case 'Group':
      return node.expression === null ? [] : broken(node.expression as Node);
    case 'Alternative':
      return sequence(node.expressions as Node[]);
    default:
      return [];
  }
}

/** A sequence with one of its parts broken, the others as their witnesses; text before `^` and after `$`. */
function sequence(parts: Node[]): Piece[] {
  const texts = parts.map(witness);
  if (texts.includes(undefined)) return [];
  const around = (i: number, text: string) => [...texts.slice(0, i), text, ...texts.slice(i + 1)].join('');
  return parts.flatMap((part, i) => {
    if (part.type === 'Assertion' && part.kind === '^')
      return [{ title: 'text before the start (^)', text: `x${around(i, '')}` }];
    if (part.type === 'Assertion' && part.kind === '$')
      return [{ title: 'text after the end ($)', text: `${around(i, '')}x` }];
    return broken(part).map((piece) => ({ title: piece.title, text: around(i, piece.text) }));
  });
}

/** Strings one step outside `pattern`, from its structure; none for a pattern regexp-tree cannot parse or this cannot follow. */
export function patternMisses(pattern: string): PatternMiss[] {
  let ast: Node;
  try {
    ast = regexpTree.parse(new RegExp(pattern, 'u')).body as unknown as Node;
  } catch {
    return [];
  }
  const pieces = ast.type === 'Alternative' ? sequence(ast.expressions as Node[]) : broken(ast);
  const seen = new Set<string>();
  return pieces
    .filter((piece) => !seen.has(piece.text) && seen.add(piece.text))
    .map((piece) => ({ title: `${show(piece.text)}: ${piece.title} in ${pattern}`, value: piece.text }));
}
