// Stack-file language features: diagnostics, quick fixes, completion, hover — for documents the
// selector matches. Re-registers when the extra globs setting changes.
import * as vscode from 'vscode';
import type { ClusterView } from '../store/types';
import { liveAssistFacts, liveClusterFacts } from './clusterFacts';
import { StackDocumentCache } from './documentCache';
import { StackCodeActions } from './stackCodeActions';
import { StackCompletion } from './stackCompletion';
import { StackDiagnostics } from './stackDiagnostics';
import { isStackDocument, readExtraGlobs, stackSelector } from './stackDocuments';

const CLUSTER_KINDS = new Set(['network', 'secret', 'config', 'node']);

function debounceMs(): number {
  const v = vscode.workspace.getConfiguration('swarm').get<unknown>('stackLint.debounceMs');
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : 300;
}

interface Registration { readonly diagnostics: StackDiagnostics; readonly disposable: vscode.Disposable }

function register(store: () => ClusterView | undefined): Registration {
  const selector = stackSelector(readExtraGlobs());
  // Variables come from the extension's environment, as they come from the shell for docker stack deploy.
  const documents = new StackDocumentCache(() => process.env);
  const diagnostics = new StackDiagnostics({
    isStack: (doc) => isStackDocument(doc, selector),
    delayMs: debounceMs,
    cluster: () => liveClusterFacts(store()),
    documents,
  });
  const assist = new StackCompletion(() => liveAssistFacts(store()), documents);
  return {
    diagnostics,
    disposable: vscode.Disposable.from(
      diagnostics,
      documents,
      vscode.languages.registerCodeActionsProvider(selector, new StackCodeActions(diagnostics, documents), { providedCodeActionKinds: StackCodeActions.kinds }),
      vscode.languages.registerCompletionItemProvider(selector, assist, ':', ' ', '-'),
      vscode.languages.registerHoverProvider(selector, assist),
    ),
  };
}

export interface StackLanguage extends vscode.Disposable {
  /** The cluster changed (connected, disconnected, objects added or removed): re-check open files. */
  clusterChanged(kinds?: readonly string[]): void;
}

export function registerStackLanguage(store: () => ClusterView | undefined): StackLanguage {
  let current = register(store);
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('swarm.stackFiles')) return;
    current.disposable.dispose();
    current = register(store);
  });
  return {
    clusterChanged(kinds) {
      if (kinds && !kinds.some((k) => CLUSTER_KINDS.has(k))) return;
      current.diagnostics.relintAll(); // debounced per document like typing
    },
    dispose() { settings.dispose(); current.disposable.dispose(); },
  };
}
