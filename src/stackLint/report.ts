// Collects diagnostics and turns YAML tree offsets into VS Code style ranges.
import { LineIndex, type YNode } from '../yamlAst';
import type { DiagnosticCode } from './codes';
import type { Range, Severity, StackDiagnostic } from './types';

export class Reporter {
  readonly diagnostics: StackDiagnostic[] = [];
  /** code@start-end: a value merged into several places is reported once, where it is written. */
  private readonly seen = new Set<string>();
  constructor(private readonly lines: LineIndex) {}

  rangeOf(start: number, end: number): Range {
    return { start: this.lines.position(start), end: this.lines.position(Math.max(start, end)) };
  }

  add(code: DiagnosticCode, severity: Severity, message: string, start: number, end: number, data?: Record<string, string>): void {
    const key = `${code}@${start}-${end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const d: StackDiagnostic = { code, severity, message, range: this.rangeOf(start, end) };
    if (data) d.data = data;
    this.diagnostics.push(d);
  }

  /** A value problem: at the value, or at its key when the value is a block below the key (or spans lines). */
  atValue(node: YNode, key: YNode | undefined, code: DiagnosticCode, severity: Severity, message: string, data?: Record<string, string>): void {
    const line = (offset: number) => this.lines.position(offset).line;
    const block = key !== undefined && (line(node.start) !== line(node.end) || line(node.start) !== line(key.start));
    this.at(block ? key : node, code, severity, message, data, key);
  }

  /** Report at a node (tree nodes end at their last visible character); falls back to `fallback` for empty values. */
  at(node: YNode | undefined, code: DiagnosticCode, severity: Severity, message: string, data?: Record<string, string>, fallback?: YNode): void {
    const r = spanOf(node) ?? spanOf(fallback);
    if (r) this.add(code, severity, message, r[0], r[1], data);
  }
}

/** [start, end) of a node, or undefined for missing / zero-width (empty) nodes. */
export function spanOf(node: YNode | undefined): [number, number] | undefined {
  if (!node || node.end <= node.start) return undefined;
  return [node.start, node.end];
}
