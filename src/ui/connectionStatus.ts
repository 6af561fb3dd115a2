// Shows the store's connection state: the cluster tree's message, a status-bar item, and the
// `swarm.connection` context key (connecting | live | stale | stopped | error | none) for `when` clauses.
import * as vscode from 'vscode';
import { count } from './tree/describe';
import type { ClusterView, ConnectionState } from '../store/types';

type Status = ConnectionState['status'] | 'error' | 'none';

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
        if (view.connection.status === 'live' && batch.changes.some((c) => c.kind === 'node')) this.show(view.connection);
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
    this.setStatus('error', '$(error) swarm: bad endpoint', `${message}\nClick to open the swarm.dockerHost setting.`,
      { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['swarm.dockerHost'] }, 'statusBarItem.errorBackground');
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
    const endpoint = this.view?.endpointLabel ?? 'Docker';
    switch (state?.status) {
      case undefined:
      case 'stopped':
        this.treeView.message = undefined;
        this.setStatus(state ? 'stopped' : 'none');
        return;
      case 'connecting':
        this.treeView.message = `Connecting to ${endpoint}…`;
        this.setStatus('connecting', '$(sync~spin) swarm: connecting', `Connecting to ${endpoint}`, 'swarm.cluster.focus');
        return;
      case 'live': {
        const nodes = this.view?.all('node').length ?? state.info.nodes;
        this.treeView.message = undefined;
        this.setStatus('live', `$(server-environment) swarm: ${nodes} node${nodes === 1 ? '' : 's'}`,
          `Swarm of ${count(nodes, 'node')} (${count(state.info.managers, 'manager')}) via ${endpoint}, answered by ${state.info.name || 'a manager'} (engine ${state.info.engineVersion})`,
          'swarm.cluster.focus');
        return;
      }
      case 'stale': {
        const retryAt = Date.now() + state.retryInMs;
        const update = (): void => {
          const seconds = Math.ceil((retryAt - Date.now()) / 1000);
          const retry = seconds > 0 ? `retrying in ${seconds}s` : 'retrying now';
          // Data from an earlier connection stays on screen; if there never was one, there is nothing to show.
          const shown = (this.view?.all('node').length ?? 0) > 0 ? ' Showing last known state.' : '';
          this.treeView.message = `${shown ? 'Disconnected from' : 'Cannot connect to'} ${endpoint}: ${state.error.message} ${state.error.hint} — ${retry}.${shown}`;
          if (seconds <= 0) this.stopTicker();
        };
        update();
        this.ticker = setInterval(update, 1000);
        this.setStatus('stale', '$(warning) swarm: disconnected', `${state.error.message}\n${state.error.hint}\nClick to reconnect now.`,
          'swarm.cluster.reconnect', 'statusBarItem.warningBackground');
        return;
      }
    }
  }

  private setStatus(status: Status, text?: string, tooltip?: string, command?: string | vscode.Command, background?: string): void {
    void vscode.commands.executeCommand('setContext', 'swarm.connection', status);
    this.shown = text !== undefined;
    if (text === undefined) { this.item.hide(); return; }
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    this.item.show();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
