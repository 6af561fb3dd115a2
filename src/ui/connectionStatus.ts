// Shows the store's connection state: the cluster tree's message, a status-bar item, and the
// `swarm.connection` context key (connecting | live | stale | stopped | error | none) plus
// `swarm.problem` (the SwarmError kind while stale: unreachable, permission, not-swarm, worker,
// locked, electing, no-quorum, …; `none` otherwise: the view's welcome content explains each) and
// `swarm.failover` (true while another manager stands in) for `when` clauses. Wording: ./connectionText.
import * as vscode from 'vscode';
import { currentError } from '../domain/errors';
import type { ClusterView, ConnectionState } from '../store/types';
import { clusterHealth } from '../domain/clusterHealth';
import { describeConnection, shortEndpoint, stuckServices, type ConnectionText } from './connectionText';
import { readStatusSettings } from './settings';

type Status = ConnectionState['status'] | 'error' | 'none';

/** What the status bar shows, and the context keys the view's welcome content keys on. */
export interface StatusSnapshot {
  readonly text: string;
  readonly tooltip: string;
  readonly visible: boolean;
  /** `swarm.connection` */
  readonly connection: string;
  /** `swarm.problem` */
  readonly problem: string;
}

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
  private label: string | undefined;
  private problem = '';
  private details: string | undefined;
  private status: Status = 'none';

  constructor(private readonly treeView: vscode.TreeView<unknown>) {
    this.item.name = 'Docker Swarm';
    this.show(undefined);
  }

  /** Follows another store (or none); `label` names it in the status bar (a Docker context's name). */
  setView(view: ClusterView | undefined, label?: string): void {
    this.label = label;
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
    // An empty tree without a message shows the view's welcome content; the details are one click away.
    this.details = message;
    this.treeView.message = undefined;
    this.treeView.description = 'bad endpoint';
    this.setStatus('error', { status: '$(error) swarm: bad endpoint', tooltip: `${message}\nClick to open the swarm.dockerHost setting.`, tone: 'error' },
      { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['swarm.dockerHost'] });
  }

  /** What is wrong, in full (the endpoint, the cause, the hint, the retry), for Show Details. */
  problemDetails(): string | undefined {
    return this.details;
  }

  /** What the status bar item shows now (the extension API gives it to the extension-host tests). */
  snapshot(): StatusSnapshot {
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '', visible: this.shown,
      connection: this.status, problem: this.problem || 'none' };
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
      this.treeView.description = undefined;
      this.details = undefined;
      if (this.problem !== 'none') { this.problem = 'none'; void vscode.commands.executeCommand('setContext', 'swarm.problem', 'none'); }
      this.setStatus(state ? state.status : 'none', undefined);
      return;
    }
    const shownAt = Date.now();
    const render = (): void => {
      const nodes = view.all('node');
      const facts = {
        endpoint: view.endpointLabel, label: this.label ?? shortEndpoint(view.endpointLabel), nodes: nodes.length,
        health: nodes.length > 0 ? clusterHealth(nodes, { warnSingleManager: readStatusSettings().warnSingleManager }) : undefined,
        stuck: stuckServices(view.all('service'), (id) => view.convergence(id)),
      };
      const text = describeConnection(state, facts, Date.now(), state.status === 'stale' ? shownAt + state.retryInMs : undefined);
      // With data on screen, the message says how current it is. Without any, VS Code shows the
      // view's welcome content only when there is no message: the welcome explains the problem and
      // offers its fix, "Show details" the endpoint and the cause (this message).
      const empty = nodes.length === 0 && state.status === 'stale';
      this.details = text?.message;
      this.treeView.message = empty ? undefined : text?.message;
      this.treeView.description = empty ? shortEndpoint(view.endpointLabel) : undefined;
      // A click reconnects when that is what is needed, else offers another context or endpoint.
      const command = state.status === 'stale' || (state.status === 'live' && state.failover) ? 'swarm.cluster.reconnect' : 'swarm.context.select';
      this.setStatus(state.status, text, command);
      void vscode.commands.executeCommand('setContext', 'swarm.failover', state.status === 'live' && state.failover !== undefined);
      const problem = state.status === 'stale' ? currentError(state.error, state.since, Date.now(), view.endpointLabel).kind : 'none';
      if (problem !== this.problem) { this.problem = problem; void vscode.commands.executeCommand('setContext', 'swarm.problem', problem); }
    };
    render();
    // A stale state counts down to its retry, and an election counts up its time.
    if (state.status === 'stale') this.ticker = setInterval(render, 1000);
  }

  /** The status bar's settings changed: show the same state again. */
  refresh(): void {
    this.show(this.view?.connection);
  }

  private setStatus(status: Status, text: ConnectionText | undefined, command?: string | vscode.Command): void {
    this.status = status;
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
