// One rollout panel: the webview of one service's rollout. Its feed (src/store/rolloutFeed.ts)
// produces a view on each relevant store change; the panel posts the webview a patch against what it
// last sent, and the whole view only when the webview says it is ready or asks to resync.
import * as vscode from 'vscode';
import type { Availability } from '../../domain/rollout/actions';
import type { ActionId, RolloutView } from '../../domain/rollout/view';
import { parseWebviewMessage, type HostMessage, type RolloutWebviewState } from '../../protocol/rollout';
import { diffView, isEmptyPatch } from '../../protocol/rolloutPatch';
import { RolloutFeed } from '../../store/rolloutFeed';
import type { ClusterView } from '../../store/types';
import { rolloutHtml, webviewRoot } from './rolloutHtml';

export const ROLLOUT_VIEW_TYPE = 'swarm.rollout';

export interface PanelHost {
  readonly extensionUri: vscode.Uri;
  available(serviceId: string): Availability;
  run(action: ActionId, serviceId: string): void;
}

export class RolloutPanel implements vscode.Disposable {
  private readonly feed: RolloutFeed;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The webview's script runs and listens. */
  private webviewReady = false;
  /** The view the webview holds, as sent (undefined: send it a whole one). */
  private sent: RolloutView | undefined;
  private rev = 0;
  private disposed = false;

  constructor(readonly panel: vscode.WebviewPanel, readonly serviceId: string, private readonly host: PanelHost,
    view: ClusterView | undefined, restored?: RolloutWebviewState) {
    this.feed = new RolloutFeed(serviceId, () => host.available(serviceId), restored?.serviceId === serviceId ? restored.view.timeline : []);
    panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot(host.extensionUri)] };
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'swarm.svg');
    panel.title = `Rollout: ${restored?.view.header.serviceName ?? view?.get('service', serviceId)?.name ?? serviceId.slice(0, 12)}`;
    this.subscriptions.push(
      this.feed,
      this.feed.onDidChange((v) => this.send(v)),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    panel.webview.html = rolloutHtml(panel.webview, host.extensionUri, panel.title);
    this.feed.setView(view);
  }

  /** The store changed (reconnected, or gone while the endpoint setting is unusable). */
  setView(view: ClusterView | undefined): void {
    this.feed.setView(view);
  }

  private send(next: RolloutView): void {
    if (this.disposed || !this.webviewReady) return;
    this.panel.title = `Rollout: ${next.header.serviceName}`;
    if (!this.sent) {
      this.post({ type: 'view', rev: ++this.rev, view: next });
    } else {
      const patch = diffView(this.sent, next);
      if (isEmptyPatch(patch)) return;
      this.post({ type: 'patch', rev: this.rev + 1, base: this.rev, patch });
      this.rev++;
    }
    this.sent = next;
  }

  private onMessage(raw: unknown): void {
    const m = parseWebviewMessage(raw);
    if (!m) return;
    switch (m.type) {
      case 'ready':
      case 'resync':
        this.webviewReady = true;
        // A restored webview holds a view of an earlier numbering: it gets a whole one, numbered after it.
        this.sent = undefined;
        this.rev = Math.max(this.rev, m.type === 'ready' ? m.rev ?? 0 : 0);
        if (this.feed.current) this.send(this.feed.current);
        this.feed.observe();
        return;
      case 'action': this.host.run(m.action, this.serviceId); return;
    }
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}
