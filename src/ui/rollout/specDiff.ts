// "Open spec diff": the service's PreviousSpec beside its Spec, in VS Code's diff editor, as
// read-only JSON documents read from the engine when asked (the store keeps mapped models only).
import * as vscode from 'vscode';

export const SPEC_SCHEME = 'swarm-spec';

/** Serves the documents this module opened (by URI) until they are closed. */
export class SpecDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(SPEC_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === SPEC_SCHEME) this.texts.delete(d.uri.toString()); }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the diff of `previous` (left) and `current` (right) of service `name`. */
  async open(name: string, previous: unknown, current: unknown): Promise<void> {
    const stamp = Date.now();
    const left = vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${name}.previous-spec.json`, query: String(stamp) });
    const right = vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${name}.spec.json`, query: String(stamp) });
    this.texts.set(left.toString(), JSON.stringify(previous, null, 2) + '\n');
    this.texts.set(right.toString(), JSON.stringify(current, null, 2) + '\n');
    await vscode.commands.executeCommand('vscode.diff', left, right, `${name}: PreviousSpec ↔ Spec`, { preview: true });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.texts.clear();
  }
}
