// Completion and hover in stack files: thin adapters over the pure assist engine.
import * as vscode from 'vscode';
import { completionsAt, hoverAt, type AssistFacts, type AssistItem } from '../stackLint/assist';
import type { StackDocumentCache } from './documentCache';
import { wrap } from './stackDiagnostics';

const KIND: Record<AssistItem['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  name: vscode.CompletionItemKind.Reference,
};

export class StackCompletion implements vscode.CompletionItemProvider, vscode.HoverProvider {
  constructor(private readonly facts: () => AssistFacts | undefined, private readonly documents: StackDocumentCache) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    return completionsAt(this.documents.get(wrap(doc)), doc.offsetAt(pos), this.facts()).map((a, i) => {
      const item = new vscode.CompletionItem(a.label, KIND[a.kind]);
      if (a.detail) item.detail = a.detail;
      if (a.documentation) item.documentation = new vscode.MarkdownString(a.documentation);
      if (a.insertText) item.insertText = a.insertText;
      item.keepWhitespace = true; // the engine indents continuation lines absolutely; VS Code must not add the line's indent again
      item.sortText = String(i).padStart(4, '0'); // keep the engine's order
      return item;
    });
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const h = hoverAt(this.documents.get(wrap(doc)), doc.offsetAt(pos));
    if (!h) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)));
  }
}
