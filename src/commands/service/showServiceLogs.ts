// swarm.service.logs: the logs of every task of a service, followed (`docker service logs -f`).
import type { CommandContext } from '../commandContext';
import { operationContext } from '../runner';
import { resolveTargets } from '../targets';
import { openLogs } from '../logs/openLogs';

export async function showServiceLogs(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  const octx = operationContext(ctx);
  if (!octx) return;
  const [service] = await resolveTargets(octx.view, { kind: 'service', placeholder: 'Service whose logs to show', none: 'There is no service.' }, args) ?? [];
  if (service) await openLogs(ctx, { kind: 'service', id: service.id }, service.name);
}
