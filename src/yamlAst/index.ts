// Parse YAML into our tree: the fast builder when the file is well-formed, else the thorough one.
import type { ParsedYaml } from './ast';
import { fastParse } from './fastParse';
import { fullParse } from './fullParse';

export * from './ast';
export { LineIndex, type Position } from './lineIndex';

export function parseYaml(text: string): ParsedYaml {
  const root = fastParse(text);
  if (root !== undefined || text.trim() === '') return { root, errors: [] };
  return fullParse(text);
}
