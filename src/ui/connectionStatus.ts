// Shows the store's connection state: the cluster tree's message, a status-bar item, and the
// `swarm.connection` context key (connecting | live | stale | stopped | error | none) plus
// `swarm.failover` (true while another manager stands in) for `when` clauses. Wording: ./connectionText.
import * as vscode from 'vscode';
import type { ClusterView, ConnectionState } from '../store/types';
import { describeConnection, stuckServices, type ConnectionText } from './connectionText';

type Status = ConnectionState['status'] | 'error' | 'none';

const BACKGROUND: Readonly<Record<ConnectionText['tone'], string | undefined>> = {
  normal: undefined, warning: 'statusBarItem.warningBackground', error: 'statusBarItem.errorBackground',
};

export class ConnectionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('swarm.status', vscode.StatusBarAlignment.Left, 0);
  private subscriptions: vscode.Disposable[] = [];
  private view: ClusterView | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private disposed = false;
  private shown = false;

  constructor(private readonly treeView: vscode.TreeView<unknown>) {
    this.item.name = 'Docker Swarm';
    this.show(undefined);
  }

  /** Follows another store (or none). */
  setView(view: ClusterView | undefined): void {
    for (const s of this.subscriptions) s.dispose();
    this.view = view;
    this.subscriptions = view ? [
      view.onDidChangeConnection((state) => this.show(state)),
      view.onDidChange((batch) => {
        if (view.connection.status === 'live' && batch.changes.some((c) => c.kind === 'node' || c.kind === 'service')) this.show(view.connection);
      }),
    ] : [];
    this.show(view?.connection);
  }

  /** No store could be made (bad endpoint setting): say why in the view and the status bar. */
  showEndpointError(message: string): void {
    this.setView(undefined);
    if (this.disposed) return;
    this.stopTicker();
    this.treeView.message = message;
    this.setStatus('error', { status: '$(error) swarm: bad endpoint', tooltip: `${message}\nClick to open the swarm.dockerHost setting.`, tone: 'error' },
      { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['swarm.dockerHost'] });
  }

  /** What the status bar item shows now (the extension API gives it to the extension-host tests). */
  snapshot(): { readonly text: string; readonly tooltip: string; readonly visible: boolean } {
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '', visible: this.shown };
  }

  dispose(): void {
    this.disposed = true;
    this.stopTicker();
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions = [];
    this.item.dispose();
  }

  private show(state: ConnectionState | undefined): void {
    this.stopTicker();
    if (this.disposed) return;
    const view = this.view;
    if (!state || !view) {
      this.treeView.message = undefined;
      this.setStatus(state ? state.status : 'none', undefined);
      return;
    }
    const shownAt = Date.now();
    const render = (): void => {
      const facts = { endpoint: view.endpointLabel, nodes: view.all('node').length, stuck: stuckServices(view.all('service'), (id) => view.convergence(id)) };
      const text = describeConnection(state, facts, Date.now(), state.status === 'stale' ? shownAt + state.retryInMs : undefined);
      this.treeView.message = text?.message;
      const command = state.status === 'stale' || (state.status === 'live' && state.failover) ? 'swarm.cluster.reconnect' : 'swarm.cluster.focus';
      this.setStatus(state.status, text, command);
      void vscode.commands.executeCommand('setContext', 'swarm.failover', state.status === 'live' && state.failover !== undefined);
    };
    render();
    // A stale state counts down to its retry, and an election counts up its time.
    if (state.status === 'stale') this.ticker = setInterval(render, 1000);
  }

  private setStatus(status: Status, text: ConnectionText | undefined, command?: string | vscode.Command): void {
    void vscode.commands.executeCommand('setContext', 'swarm.connection', status);
    this.shown = text !== undefined;
    if (!text) { this.item.hide(); return; }
    this.item.text = text.status;
    this.item.tooltip = text.tooltip;
    this.item.command = command;
    const bg = BACKGROUND[text.tone];
    this.item.backgroundColor = bg ? new vscode.ThemeColor(bg) : undefined;
    this.item.show();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
