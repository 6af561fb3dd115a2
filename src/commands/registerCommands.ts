// Every command of the extension, in one table: `swarm.<kind>.<verb>` → handler.
import * as vscode from 'vscode';
import type { ClusterView } from '../store/types';
import type { ClusterTreeProvider } from '../ui/tree/clusterTreeProvider';
import { reconnect } from './cluster/reconnect';
import { refreshCluster } from './cluster/refreshCluster';
import { groupByStack, hideTaskHistory, showTaskHistory, ungroupByStack } from './cluster/treeToggles';
import { selectContext } from './context/selectContext';
import { openRollout } from './rollout/openRollout';

/** What command handlers may use. */
export interface CommandContext {
  /** The current store; undefined while the endpoint setting is unusable. */
  store(): ClusterView | undefined;
  /** Re-reads the settings, disposes the store and starts a new one. */
  reconnect(): void;
  readonly tree: ClusterTreeProvider;
  /** The extension's global state (endpoints typed before). */
  readonly memento: vscode.Memento;
  /** The rollout panels (src/ui/rollout). */
  readonly rollouts: { open(serviceId: string): Promise<void> };
}

/** Handlers get the context, then whatever VS Code passes (e.g. the tree element of a context menu). */
type Handler = (ctx: CommandContext, ...args: unknown[]) => unknown;

const COMMANDS: readonly { readonly id: string; readonly handler: Handler }[] = [
  { id: 'swarm.cluster.refresh', handler: refreshCluster },
  { id: 'swarm.cluster.reconnect', handler: reconnect },
  { id: 'swarm.cluster.showTaskHistory', handler: showTaskHistory },
  { id: 'swarm.cluster.hideTaskHistory', handler: hideTaskHistory },
  { id: 'swarm.cluster.groupByStack', handler: groupByStack },
  { id: 'swarm.cluster.ungroupByStack', handler: ungroupByStack },
  { id: 'swarm.rollout.open', handler: openRollout },
  { id: 'swarm.context.select', handler: selectContext },
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMANDS.map(({ id, handler }) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args)));
}
