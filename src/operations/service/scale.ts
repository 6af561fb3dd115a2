// Scale a replicated service (`docker service scale web=5`), followed until converged by the CLI's
// rule. Global services and jobs are refused with the reason; scaling down confirms like any
// destructive action.
import { dockerCommand } from '../../domain/cliCommand';
import type { Service } from '../../domain/model';
import { withReplicas } from '../../domain/specs/serviceSpec';
import { validateReplicas } from '../../domain/validate/serviceInput';
import { OperationError, proceed, refuse, type Operation, type OperationContext } from '../operation';
import { changeAndConverge, currentService } from './serviceUpdate';

export function notScalable(service: Service): string | undefined {
  switch (service.mode.kind) {
    case 'replicated': return undefined;
    case 'global': return `${service.name} is a global service: it runs one task on every eligible node, so it has no replica count. Its constraints and the nodes' availability decide where it runs.`;
    case 'replicated-job':
    case 'global-job': return `${service.name} is a job: it runs its tasks to completion once; there is nothing to scale. Run it again with Force Restart.`;
  }
}

export function replicasOf(service: Service): number {
  return service.mode.kind === 'replicated' ? service.mode.replicas : 0;
}

export function scaleService(ctx: OperationContext, serviceId: string, replicas: number): Operation {
  const seen = ctx.view.get('service', serviceId);
  const from = seen ? replicasOf(seen) : 0;
  return {
    title: `Scaling ${seen?.name ?? serviceId} to ${replicas}`,
    destructive: replicas < from,
    rollout: { serviceId: serviceId, tracked: false },
    check() {
      const service = currentService(ctx, serviceId);
      const reason = notScalable(service) ?? validateReplicas(String(replicas));
      if (reason) return refuse(reason);
      const now = replicasOf(service);
      if (now === replicas) return refuse(`${service.name} has ${replicas} replica${replicas === 1 ? '' : 's'} already.`);
      const delta = Math.abs(replicas - now);
      return proceed({
        message: `Scale ${service.name} from ${now} to ${replicas} replica${replicas === 1 ? '' : 's'} on ${ctx.cluster}?`,
        detail: replicas < now ? `${delta} task${delta === 1 ? '' : 's'} will stop (the highest slots first).` : `${delta} task${delta === 1 ? '' : 's'} will start.`,
        action: 'Scale',
      });
    },
    run(progress, signal) {
      const service = currentService(ctx, serviceId);
      return changeAndConverge(ctx, service, dockerCommand('service', 'scale', `${service.name}=${replicas}`), (spec) => {
        try {
          return withReplicas(spec, replicas);
        } catch {
          throw new OperationError(`${service.name} is no longer a replicated service.`, 'Its mode changed meanwhile.', 'Refresh the view.');
        }
      }, progress, signal, (c) => ({ message: `${service.name} is scaled to ${replicas}: ${c.progress.done}/${c.progress.target} running.` }));
    },
  };
}
