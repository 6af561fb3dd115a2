// Every command of the extension, in one table: `swarm.<kind>.<verb>` → handler. Actions are made
// by the runner (./runner.ts: targets, confirmation, progress, errors); their files hold only their logic.
import * as vscode from 'vscode';
import type { OperationContext } from '../operations/operation';
import type { LogStreams, ShellStreams } from '../operations/streams';
import type { SwarmApi } from '../store/swarmApi';
import type { ClusterView } from '../store/types';
import type { LogDocuments } from '../ui/logs/logDocuments';
import type { ClusterTreeProvider } from '../ui/tree/clusterTreeProvider';
import { reconnect } from './cluster/reconnect';
import { refreshCluster } from './cluster/refreshCluster';
import { createConfig } from './config/createConfig';
import { removeConfig } from './config/removeConfig';
import { rotateConfig } from './config/rotateConfig';
import { stopLogs, toggleTimestamps } from './logs/logViewActions';
import { createNetwork } from './network/createNetwork';
import { removeNetwork } from './network/removeNetwork';
import { createSecret } from './secret/createSecret';
import { removeSecret } from './secret/removeSecret';
import { rotateSecret } from './secret/rotateSecret';
import { showServiceLogs } from './service/showServiceLogs';
import { removeStack } from './stack/removeStack';
import { openShell } from './task/openShell';
import { showTaskLogs } from './task/showTaskLogs';
import type { Handler } from './runner';
import type { SwarmLog } from './swarmLog';
import { groupByStack, hideTaskHistory, showTaskHistory, ungroupByStack } from './cluster/treeToggles';
import { openRollout } from './rollout/openRollout';

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
  /** The long-lived streams of the current connection (logs, exec) and its read port; undefined while not connected. */
  streams(): CommandStreams | undefined;
  /** The open log views. */
  readonly logViews: LogDocuments;
  readonly tree: ClusterTreeProvider;
  /** The rollout panels (src/ui/rollout). */
  readonly rollouts: { open(serviceId: string): Promise<void> };
}

export interface CommandStreams {
  readonly logs: LogStreams;
  readonly shell: ShellStreams;
  readonly read: SwarmApi;
}

const COMMANDS: readonly { readonly id: string; readonly handler: Handler }[] = [
  { id: 'swarm.cluster.refresh', handler: refreshCluster },
  { id: 'swarm.cluster.reconnect', handler: reconnect },
  { id: 'swarm.service.logs', handler: showServiceLogs },
  { id: 'swarm.task.logs', handler: showTaskLogs },
  { id: 'swarm.task.shell', handler: openShell },
  { id: 'swarm.logs.toggleTimestamps', handler: toggleTimestamps },
  { id: 'swarm.logs.stop', handler: stopLogs },
  { id: 'swarm.secret.create', handler: createSecret },
  { id: 'swarm.secret.remove', handler: removeSecret },
  { id: 'swarm.secret.rotate', handler: rotateSecret },
  { id: 'swarm.config.create', handler: createConfig },
  { id: 'swarm.config.remove', handler: removeConfig },
  { id: 'swarm.config.rotate', handler: rotateConfig },
  { id: 'swarm.network.create', handler: createNetwork },
  { id: 'swarm.network.remove', handler: removeNetwork },
  { id: 'swarm.stack.remove', handler: removeStack },
  { id: 'swarm.cluster.showTaskHistory', handler: showTaskHistory },
  { id: 'swarm.cluster.hideTaskHistory', handler: hideTaskHistory },
  { id: 'swarm.cluster.groupByStack', handler: groupByStack },
  { id: 'swarm.cluster.ungroupByStack', handler: ungroupByStack },
  { id: 'swarm.rollout.open', handler: openRollout },
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMANDS.map(({ id, handler }) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args)));
}
