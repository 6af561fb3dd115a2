// Keeps the Problems of open stack files current: VS Code's document events drive a LintSession
// (debounce per document, stale runs dropped, results cleared on close), and open files are
// re-checked when what the cluster knows changes.
import * as vscode from 'vscode';
import { lintDocument, type LintContext, type StackDiagnostic } from '../stackLint';
import { fileLintContext } from '../stackFiles/lintContext';
import { toDiagnostic } from './convert';
import { timerScheduler, type Scheduler } from '../domain/scheduler';
import type { StackDocumentCache } from './documentCache';
import { LintSession, type LintableDocument } from './lintSession';

export interface StackDiagnosticsOptions {
  readonly isStack: (doc: vscode.TextDocument) => boolean;
  readonly delayMs: () => number;
  /** Cluster facts for the cluster-aware checks, when connected. */
  readonly cluster?: () => LintContext['cluster'];
  /** The one reading of each document version, shared with fixes, completion and hover. */
  readonly documents: StackDocumentCache;
  readonly scheduler?: Scheduler;
}

interface Doc extends LintableDocument { readonly document: vscode.TextDocument }

export const wrap = (document: vscode.TextDocument): Doc => ({
  document,
  key: document.uri.toString(),
  get version() { return document.version; },
  get isClosed() { return document.isClosed; },
  getText: () => document.getText(),
});

export class StackDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('swarm-lint');
  private readonly session: LintSession<Doc>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly options: StackDiagnosticsOptions) {
    this.session = new LintSession<Doc>({
      lint: (d) => lintDocument(options.documents.get(d), this.contextFor(d.document)),
      publish: (d, found) => this.collection.set(d.document.uri, found.map(toDiagnostic)),
      clear: (key) => this.collection.delete(vscode.Uri.parse(key)),
      scheduler: options.scheduler ?? timerScheduler,
      delayMs: options.delayMs,
    });
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => { this.session.closed(d.uri.toString()); options.documents.forget(d.uri.toString()); }),
    );
    this.relintAll();
  }

  /** The engine's diagnostics of a document, if they were computed for its current version. */
  diagnosticsOf(doc: vscode.TextDocument): readonly StackDiagnostic[] {
    return this.session.resultsOf(doc.uri.toString(), doc.version);
  }

  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (this.options.isStack(doc)) this.session.changed(wrap(doc));
    else this.session.closed(doc.uri.toString()); // e.g. renamed away from a stack file name
  }

  private contextFor(doc: vscode.TextDocument): LintContext {
    return fileLintContext(doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined, process.env, this.options.cluster?.());
  }

  dispose(): void {
    this.session.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
