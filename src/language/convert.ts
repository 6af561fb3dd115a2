// StackDiagnostic (pure engine) → vscode.Diagnostic, keeping the engine's record for quick fixes.
import * as vscode from 'vscode';
import type { Range, StackDiagnostic } from '../stackLint';

export const SOURCE = 'swarm-lint';

const SEVERITY: Record<StackDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toDiagnostic(d: StackDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = d.code;
  if (d.severity === 'info' && d.code === 'depends-on-ignored') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The engine's diagnostic behind a VS Code one (same code and range). */
export function findSource(all: readonly StackDiagnostic[], d: vscode.Diagnostic): StackDiagnostic | undefined {
  return all.find((s) => s.code === d.code && toRange(s.range).isEqual(d.range));
}
