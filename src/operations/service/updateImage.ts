// Update a service's image (`docker service update --image …`), rolled out by its update config
// and followed until converged; an update that fails and is rolled back by Swarm (failure_action
// rollback) or paused is reported as such.
import { dockerCommand } from '../../domain/cliCommand';
import type { Service } from '../../domain/model';
import { withForceUpdate, withImage } from '../../domain/specs/serviceSpec';
import { validateImage } from '../../domain/validate/serviceInput';
import { OperationError, proceed, refuse, type Operation, type OperationContext, type Outcome } from '../operation';
import type { Converged } from './converge';
import { changeAndConverge, currentService } from './serviceUpdate';

const seconds = (ns: number): string => `${Math.round(ns / 1e8) / 10} s`;

/** "2 at a time, 1 s apart, stop-first; on failure: pause" from the service's update config. */
export function describeRollout(service: Service): string {
  const u = service.updateConfig;
  if (!u) return 'Tasks are replaced one at a time (the default update config); on failure the update pauses.';
  return `Tasks are replaced ${u.parallelism === 0 ? 'all at once' : `${u.parallelism} at a time`}${u.delayNs > 0 ? `, ${seconds(u.delayNs)} apart` : ''}, ${u.order}; on failure: ${u.failureAction}.`;
}

/** Swarm rolled back or paused the update by itself: the action did not do what it said. */
export function rolledBack(c: Converged): void {
  const status = c.service.updateStatus;
  if (status?.state === 'rollback_completed' || status?.state === 'rollback_started') {
    throw new OperationError(`The update of ${c.service.name} failed and Swarm rolled it back: ${status.message}`,
      'Tasks of the new spec failed, and its update config says failure_action: rollback.', 'Look at the failed tasks\' errors (the service\'s tasks in the tree), fix the cause, then update again.');
  }
}

function converged(c: Converged, what: string): Outcome {
  rolledBack(c);
  return { message: `${c.service.name} ${what}: ${c.progress.done}/${c.progress.target} running.` };
}

export function updateServiceImage(ctx: OperationContext, serviceId: string, image: string): Operation {
  const name = ctx.view.get('service', serviceId)?.name ?? serviceId;
  return {
    title: `Updating ${name} to ${image}`,
    destructive: true,
    rollout: { serviceId: serviceId, tracked: true },
    check() {
      const service = currentService(ctx, serviceId);
      const bad = validateImage(image);
      if (bad) return refuse(bad);
      if (service.image === image || service.image.split('@')[0] === image) return refuse(`${service.name} runs ${image} already.`);
      return proceed({ message: `Update ${service.name} on ${ctx.cluster} from ${service.image} to ${image}?`, detail: describeRollout(service), action: 'Update' });
    },
    run(progress, signal) {
      const service = currentService(ctx, serviceId);
      return changeAndConverge(ctx, service, dockerCommand('service', 'update', '--image', image, '--no-resolve-image', service.name),
        (spec) => withImage(spec, image), progress, signal, (c) => converged(c, `runs ${c.service.image}`));
    },
  };
}

export function forceRestartService(ctx: OperationContext, serviceId: string): Operation {
  const name = ctx.view.get('service', serviceId)?.name ?? serviceId;
  return {
    title: `Restarting every task of ${name}`,
    destructive: true,
    rollout: { serviceId: serviceId, tracked: true },
    check() {
      const service = currentService(ctx, serviceId);
      const tasks = ctx.view.all('task').filter((t) => t.serviceId === serviceId && t.desiredState === 'running').length;
      return proceed({ message: `Restart all ${tasks} task${tasks === 1 ? '' : 's'} of ${service.name} on ${ctx.cluster}?`,
        detail: `Every task is replaced by a new one with the same spec (ForceUpdate + 1). ${describeRollout(service)}`, action: 'Restart' });
    },
    run(progress, signal) {
      const service = currentService(ctx, serviceId);
      return changeAndConverge(ctx, service, dockerCommand('service', 'update', '--force', service.name), withForceUpdate, progress, signal,
        (c) => converged(c, 'restarted every task'));
    },
  };
}
