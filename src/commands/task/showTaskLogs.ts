// swarm.task.logs: one task's logs, followed (`docker service logs -f <task id>`).
import { taskName } from '../../domain/names';
import type { CommandContext } from '../commandContext';
import { operationContext } from '../runner';
import { resolveTargets } from '../targets';
import { openLogs } from '../logs/openLogs';

export async function showTaskLogs(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  const octx = operationContext(ctx);
  if (!octx) return;
  const [task] = await resolveTargets(octx.view, {
    kind: 'task', placeholder: 'Task whose logs to show', none: 'No task has a container (and so no logs) yet.', offers: (t) => t.containerId !== undefined,
  }, args) ?? [];
  if (task) await openLogs(ctx, { kind: 'task', id: task.id }, taskName(task, octx.view.get('service', task.serviceId)?.name));
}
