// What every command handler is given: the store, the tree, the log, the streams and the views of
// the current connection. Its own file, so handlers import it without importing the command table.
import type * as vscode from 'vscode';
import type { OperationContext } from '../operations/operation';
import type { LogStreams, ShellStreams } from '../operations/streams';
import type { SwarmApi } from '../store/swarmApi';
import type { ClusterView } from '../store/types';
import type { LogDocuments } from '../ui/logs/logDocuments';
import type { ClusterTreeProvider } from '../ui/tree/clusterTreeProvider';
import type { SwarmLog } from './swarmLog';

/** What command handlers may use. */
export interface CommandContext {
  /** The current store; undefined while the endpoint setting is unusable. */
  store(): ClusterView | undefined;
  /** Re-reads the settings, disposes the store and starts a new one. */
  reconnect(): void;
  readonly tree: ClusterTreeProvider;
  /** The connection problem in full, while there is one (the welcome content's Show Details). */
  problemDetails(): string | undefined;
  /** The extension's global state (endpoints typed before). */
  readonly memento: vscode.Memento;
  /** The rollout panels (src/ui/rollout). */
  readonly rollouts: { open(serviceId: string): Promise<void> };
  /** What operations run with (store, write port, log, settings); undefined while not connected. */
  operations(): OperationContext | undefined;
  /** The "Swarm" log channel. */
  readonly log: SwarmLog;
  /** The long-lived streams of the current connection (logs, exec) and its read port; undefined while not connected. */
  streams(): CommandStreams | undefined;
  /** The open log views. */
  readonly logViews: LogDocuments;
}

export interface CommandStreams {
  readonly logs: LogStreams;
  readonly shell: ShellStreams;
  readonly read: SwarmApi;
}
