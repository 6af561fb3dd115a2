// Every command of the extension, in one table: `swarm.<kind>.<verb>` → handler. Actions are made
// by the runner (./runner.ts: targets, confirmation, progress, errors); their files hold only their logic.
import * as vscode from 'vscode';
import type { OperationContext } from '../operations/operation';
import type { ClusterView } from '../store/types';
import { reconnect } from './cluster/reconnect';
import { refreshCluster } from './cluster/refreshCluster';
import type { Handler } from './runner';
import type { SwarmLog } from './swarmLog';

/** What command handlers may use. */
export interface CommandContext {
  /** The current store; undefined while the endpoint setting is unusable. */
  store(): ClusterView | undefined;
  /** Re-reads the settings, disposes the store and starts a new one. */
  reconnect(): void;
  /** What operations run with (store, write port, log, settings); undefined while not connected. */
  operations(): OperationContext | undefined;
  /** The "Swarm" log channel. */
  readonly log: SwarmLog;
}

const COMMANDS: readonly { readonly id: string; readonly handler: Handler }[] = [
  { id: 'swarm.cluster.refresh', handler: refreshCluster },
  { id: 'swarm.cluster.reconnect', handler: reconnect },
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMANDS.map(({ id, handler }) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args)));
}
