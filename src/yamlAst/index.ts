// Parse YAML into our tree: the fast builder when the file is well-formed, else the thorough one.
import type { ParsedYaml } from './ast';
import { fastParse } from './fastParse';
import { fullParse } from './fullParse';
import { lineParse } from './lineParse';

export * from './ast';
export { LineIndex, type Position } from './lineIndex';

export function parseYaml(text: string): ParsedYaml {
  const fast = lineParse(text) ?? fastParse(text); // lineParse: the block-style subset, by regexes (fast cold)
  if (fast && (fast.root !== undefined || text.trim() === '')) return fast;
  return fullParse(text);
}
