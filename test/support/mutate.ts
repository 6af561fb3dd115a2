// Deterministic random edits of YAML text for the fuzz and differential tests (a failure replays from its seed).

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fragments that tend to break YAML, or to land in the corners of a parser. */
export const YAML_FRAGMENTS: readonly string[] = [':', '-', ' ', '  ', '\t', '\n', '"', "'", '{', '}', '[', ']', '&a', '*a',
  '<<: ', '#', '|', '>', '|-', '>-', ' #', '~', '0', '.5', '${X:?m}', 'x', '\u00e9', '\r\n', '---', '- ', ': ', '\\', '\\u', '&b ', '*b'];

/** 1 to 4 random edits: delete or insert characters, duplicate, delete, indent or dedent a line. */
export function mutate(text: string, rnd: () => number, fragments: readonly string[] = YAML_FRAGMENTS): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const lines = out.split('\n');
    const line = Math.floor(rnd() * lines.length);
    switch (Math.floor(rnd() * 6)) {
      case 0: out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 3)); break;
      case 1: out = out.slice(0, at) + (fragments[Math.floor(rnd() * fragments.length)] ?? '') + out.slice(at); break;
      case 2: lines.splice(line, 0, lines[line] ?? ''); out = lines.join('\n'); break;
      case 3: lines.splice(line, 1); out = lines.join('\n'); break;
      case 4: lines[line] = '  ' + (lines[line] ?? ''); out = lines.join('\n'); break;
      default: lines[line] = (lines[line] ?? '').trimStart(); out = lines.join('\n'); break;
    }
  }
  return out;
}
