// Output of swarm-lint: `file:line:col severity code message` for people, one JSON array for machines.
// Lines and columns are 1-based here (the engine's ranges are 0-based, like VS Code's).
import type { StackDiagnostic } from '../stackLint';

export interface FileDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: StackDiagnostic['severity'];
  readonly code: string;
  readonly message: string;
}

export function toFileDiagnostics(file: string, diagnostics: readonly StackDiagnostic[]): FileDiagnostic[] {
  return diagnostics.map((d) => ({
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
}

export function formatHuman(all: readonly FileDiagnostic[]): string {
  return all.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`).join('\n');
}

export function formatJson(all: readonly FileDiagnostic[]): string {
  return JSON.stringify(all, null, 2);
}

export function summary(all: readonly FileDiagnostic[], files: number): string {
  const count = (s: FileDiagnostic['severity']) => all.filter((d) => d.severity === s).length;
  return `${files} file(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
}
