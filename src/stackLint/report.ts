// Collects diagnostics and turns yaml node offsets into VS Code style ranges.
import { LineCounter, Node, Pair, isNode } from 'yaml';
import { Range, Severity, StackDiagnostic } from './types';

export class Reporter {
  readonly diagnostics: StackDiagnostic[] = [];
  constructor(private readonly lines: LineCounter, private readonly text: string) {}

  rangeOf(start: number, end: number): Range {
    // LineCounter is 1-based for both line and column.
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(Math.max(start, end));
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  }

  add(code: string, severity: Severity, message: string, start: number, end: number, data?: Record<string, string>): void {
    const d: StackDiagnostic = { code, severity, message, range: this.rangeOf(start, end) };
    if (data) d.data = data;
    this.diagnostics.push(d);
  }

  /** Report at a node (value end, so trailing comments are excluded); falls back to `fallback` for empty values. */
  at(node: unknown, code: string, severity: Severity, message: string, data?: Record<string, string>, fallback?: unknown): void {
    const r = spanOf(node) ?? spanOf(fallback);
    if (!r) return;
    // Block collections end after their last newline; stop the range at the last visible character.
    let end = r[1];
    while (end > r[0] + 1 && /\s/.test(this.text[end - 1] ?? '')) end--;
    this.add(code, severity, message, r[0], end, data);
  }
}

/** [start, end) of a node's value, or undefined for missing / zero-width (empty) nodes. */
export function spanOf(node: unknown): [number, number] | undefined {
  if (!isNode(node)) return undefined;
  const r = (node as Node).range;
  if (!r || r[1] <= r[0]) return undefined;
  return [r[0], r[1]];
}

/** The key text of a pair, when the key is a plain scalar. */
export function keyName(pair: Pair): string | undefined {
  const k = pair.key;
  if (k === null || k === undefined) return undefined;
  if (isNode(k)) {
    const v = (k as { value?: unknown }).value;
    if (v === null || v === undefined) return undefined;
    // With `merge: true`, yaml represents the `<<` merge key as a symbol.
    return typeof v === 'symbol' ? '<<' : String(v);
  }
  return String(k);
}
