// Quick fixes for swarm-lint diagnostics, linked by the diagnostic's `code` (computed by the pure engine).
import * as vscode from 'vscode';
import { quickFixesFor } from '../stackLint/fixes';
import { findSource, SOURCE, toRange } from './convert';
import type { StackDocumentCache } from './documentCache';
import { wrap, type StackDiagnostics } from './stackDiagnostics';

export class StackCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: StackDiagnostics, private readonly documents: StackDocumentCache) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Empty while an edit is not yet re-checked: the shown squiggles' positions belong to older text.
    const published = this.diagnostics.diagnosticsOf(doc);
    const actions: vscode.CodeAction[] = [];
    if (published.length === 0) return actions;
    const stack = this.documents.get(wrap(doc)); // the reading the diagnostics came from
    for (const d of context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const source = findSource(published, d);
      if (!source) continue;
      for (const fix of quickFixesFor(stack, source)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = fix.isPreferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, toRange(e.range), e.newText);
        actions.push(action);
      }
    }
    return actions;
  }
}
