// Parse YAML into our tree: the line-oriented builder when the file is inside its subset (most stack
// files, and fast cold), else the `yaml` library, which also reports every error with its position.
import type { ParsedYaml } from './ast';
import { fullParse } from './fullParse';
import { firstDocument } from './firstDocument';
import { lineParse } from './lineParse';

export * from './ast';
export type { ScalarTag } from './cliScalars';
export { LineIndex, type Position } from './lineIndex';

/** The document the CLI reads: the first one, cut where go-yaml stops (the offsets stay those of `text`). */
export function parseYaml(text: string): ParsedYaml {
  const first = firstDocument(text);
  if (!first) return lineParse(text) ?? fullParse(text);
  const head = text.slice(0, first.end);
  const parsed = lineParse(head) ?? fullParse(head);
  const errors = first.lookahead
    ? [...parsed.errors, { code: 'syntax' as const, message: first.lookahead.message, start: first.lookahead.at, end: first.lookahead.at + 1 }]
    : parsed.errors;
  return { ...parsed, errors, ignoredFrom: { offset: first.end, why: first.why } };
}
