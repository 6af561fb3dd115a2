// swarm.task.shell: a terminal with a shell in a running task's container, over the exec API of the
// engine that runs it (or the reason it cannot be reached, with the command that works there).
import * as vscode from 'vscode';
import { taskName } from '../../domain/names';
import { shellRoute } from '../../operations/shell/shellRoute';
import { openShellTerminal } from '../../ui/shell/shellTerminal';
import type { CommandContext } from '../commandContext';
import { operationContext, showFailure } from '../runner';
import { resolveTargets } from '../targets';

export async function openShell(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  const octx = operationContext(ctx);
  const streams = ctx.streams();
  if (!octx || !streams) return;
  const [task] = await resolveTargets(octx.view, {
    kind: 'task', placeholder: 'Running task to open a shell in', none: 'No task is running.',
    offers: (t) => t.state === 'running' && t.containerId !== undefined,
  }, args) ?? [];
  if (!task) return;
  try {
    const route = await vscode.window.withProgress({ location: { viewId: 'swarm.cluster' } }, () => shellRoute(octx, streams.shell, task.id));
    octx.log.cli(`${route.command}   # on ${route.where}`);
    openShellTerminal(route, `${taskName(task, octx.view.get('service', task.serviceId)?.name)} (${route.where.split(' ')[0]})`);
  } catch (e) {
    showFailure(ctx, e);
  }
}
