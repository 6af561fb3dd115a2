// Every command of the extension, in one table: `swarm.<kind>.<verb>` → handler. Actions are made
// by the runner (./runner.ts: targets, confirmation, progress, errors); their files hold only their logic.
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { reconnect } from './cluster/reconnect';
import { refreshCluster } from './cluster/refreshCluster';
import { groupByStack, hideTaskHistory, showTaskHistory, ungroupByStack } from './cluster/treeToggles';
import { showProblem } from './cluster/showProblem';
import { selectContext } from './context/selectContext';
import { copyObjectId, inspectObject } from './object/inspectObject';
import { copyJoinToken } from './swarm/copyJoinToken';
import { createConfig } from './config/createConfig';
import { removeConfig } from './config/removeConfig';
import { rotateConfig } from './config/rotateConfig';
import { stopLogs, toggleTimestamps } from './logs/logViewActions';
import { createNetwork } from './network/createNetwork';
import { removeNetwork } from './network/removeNetwork';
import { openRollout } from './rollout/openRollout';
import { activateNode } from './node/activateNode';
import { addNodeLabel } from './node/addNodeLabel';
import { demoteNode } from './node/demoteNode';
import { drainNode } from './node/drainNode';
import { pauseNode } from './node/pauseNode';
import { promoteNode } from './node/promoteNode';
import { removeNode } from './node/removeNode';
import { removeNodeLabel } from './node/removeNodeLabel';
import type { Handler } from './runner';
import { createSecret } from './secret/createSecret';
import { removeSecret } from './secret/removeSecret';
import { rotateSecret } from './secret/rotateSecret';
import { createService } from './service/createService';
import { editServiceSpec } from './service/editServiceSpec';
import { forceRestartService } from './service/forceRestartService';
import { removeService } from './service/removeService';
import { rollbackService } from './service/rollbackService';
import { scaleService } from './service/scaleService';
import { showServiceLogs } from './service/showServiceLogs';
import { SPEC_SCHEME, SPEC_VIEW_SCHEME, SpecFileSystem } from './service/specFileSystem';
import { updateServiceImage } from './service/updateServiceImage';
import { removeStack } from './stack/removeStack';
import { initSwarm } from './swarm/initSwarm';
import { joinSwarm } from './swarm/joinSwarm';
import { leaveSwarm } from './swarm/leaveSwarm';
import { rotateJoinToken } from './swarm/rotateJoinToken';
import { unlockSwarm } from './swarm/unlockSwarm';
import { openShell } from './task/openShell';
import { showTaskLogs } from './task/showTaskLogs';

const COMMANDS: readonly { readonly id: string; readonly handler: Handler }[] = [
  { id: 'swarm.cluster.refresh', handler: refreshCluster },
  { id: 'swarm.cluster.reconnect', handler: reconnect },
  { id: 'swarm.cluster.showTaskHistory', handler: showTaskHistory },
  { id: 'swarm.cluster.hideTaskHistory', handler: hideTaskHistory },
  { id: 'swarm.cluster.groupByStack', handler: groupByStack },
  { id: 'swarm.cluster.ungroupByStack', handler: ungroupByStack },
  { id: 'swarm.rollout.open', handler: openRollout },
  { id: 'swarm.context.select', handler: selectContext },
  { id: 'swarm.cluster.showProblem', handler: showProblem },
  { id: 'swarm.node.inspect', handler: inspectObject('node') },
  { id: 'swarm.node.copyId', handler: copyObjectId('node') },
  { id: 'swarm.service.inspect', handler: inspectObject('service') },
  { id: 'swarm.service.copyId', handler: copyObjectId('service') },
  { id: 'swarm.task.inspect', handler: inspectObject('task') },
  { id: 'swarm.task.copyId', handler: copyObjectId('task') },
  { id: 'swarm.secret.inspect', handler: inspectObject('secret') },
  { id: 'swarm.secret.copyId', handler: copyObjectId('secret') },
  { id: 'swarm.config.inspect', handler: inspectObject('config') },
  { id: 'swarm.config.copyId', handler: copyObjectId('config') },
  { id: 'swarm.network.inspect', handler: inspectObject('network') },
  { id: 'swarm.network.copyId', handler: copyObjectId('network') },
  { id: 'swarm.swarm.copyJoinToken', handler: copyJoinToken },
  { id: 'swarm.swarm.init', handler: initSwarm },
  { id: 'swarm.swarm.join', handler: joinSwarm },
  { id: 'swarm.swarm.leave', handler: leaveSwarm },
  { id: 'swarm.swarm.unlock', handler: unlockSwarm },
  { id: 'swarm.swarm.rotateJoinToken', handler: rotateJoinToken },
  { id: 'swarm.node.promote', handler: promoteNode },
  { id: 'swarm.node.demote', handler: demoteNode },
  { id: 'swarm.node.drain', handler: drainNode },
  { id: 'swarm.node.pause', handler: pauseNode },
  { id: 'swarm.node.activate', handler: activateNode },
  { id: 'swarm.node.remove', handler: removeNode },
  { id: 'swarm.node.addLabel', handler: addNodeLabel },
  { id: 'swarm.node.removeLabel', handler: removeNodeLabel },
  { id: 'swarm.service.create', handler: createService },
  { id: 'swarm.service.scale', handler: scaleService },
  { id: 'swarm.service.updateImage', handler: updateServiceImage },
  { id: 'swarm.service.forceRestart', handler: forceRestartService },
  { id: 'swarm.service.rollback', handler: rollbackService },
  { id: 'swarm.service.remove', handler: removeService },
  { id: 'swarm.service.editSpec', handler: editServiceSpec },
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
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const specs = new SpecFileSystem(ctx);
  return [
    ...COMMANDS.map(({ id, handler }) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args))),
    specs,
    vscode.workspace.registerFileSystemProvider(SPEC_SCHEME, specs, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(SPEC_VIEW_SCHEME, specs),
  ];
}
