// Keeps the Problems of open stack files current: lints after a pause in typing (per-URI debounce),
// drops stale results (a newer version or a closed document cancels), clears on close, and re-lints
// open files when what the cluster knows changes.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { lintStack, type LintContext, type StackDiagnostic } from '../stackLint';
import { toDiagnostic } from './convert';
import { KeyedDebouncer, timerScheduler, type Scheduler } from './debounce';

export interface StackDiagnosticsOptions {
  readonly isStack: (doc: vscode.TextDocument) => boolean;
  readonly delayMs: () => number;
  /** Cluster facts for the cluster-aware checks, when connected. */
  readonly cluster?: () => LintContext['cluster'];
  readonly scheduler?: Scheduler;
}

export class StackDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('swarm-lint');
  private readonly results = new Map<string, readonly StackDiagnostic[]>();
  private readonly debouncer: KeyedDebouncer<string>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly options: StackDiagnosticsOptions) {
    this.debouncer = new KeyedDebouncer(options.scheduler ?? timerScheduler, options.delayMs);
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    this.relintAll();
  }

  /** The engine's diagnostics of a document, as last published. */
  diagnosticsOf(uri: vscode.Uri): readonly StackDiagnostic[] {
    return this.results.get(uri.toString()) ?? [];
  }

  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.options.isStack(doc)) { if (this.results.has(doc.uri.toString())) this.forget(doc.uri); return; }
    const key = doc.uri.toString();
    const version = doc.version;
    this.debouncer.run(key, () => {
      // The document changed or closed since: a newer run is scheduled, or nothing is wanted.
      if (doc.isClosed || doc.version !== version) return;
      const found = lintStack(doc.getText(), this.contextFor(doc));
      this.results.set(key, found);
      this.collection.set(doc.uri, found.map(toDiagnostic));
    });
  }

  private contextFor(doc: vscode.TextDocument): LintContext {
    const cluster = this.options.cluster?.();
    if (doc.uri.scheme !== 'file') return { env: process.env, ...(cluster ? { cluster } : {}) };
    const dir = path.dirname(doc.uri.fsPath);
    return { fileExists: (rel) => fs.existsSync(path.resolve(dir, rel)), env: process.env, ...(cluster ? { cluster } : {}) };
  }

  private forget(uri: vscode.Uri): void {
    this.debouncer.cancel(uri.toString());
    this.results.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.results.clear();
  }
}
