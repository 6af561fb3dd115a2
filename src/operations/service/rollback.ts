// Roll a service back to its previous spec (`docker service rollback`: `POST …/update?rollback=previous`
// with the current spec as the body). Refused when there is none; the confirmation lists what goes back.
import { dockerCommand } from '../../domain/cliCommand';
import { describeChange, specChanges } from '../../domain/specs/changes';
import { OperationError, proceed, refuse, type Operation, type OperationContext } from '../operation';
import { applyChange } from '../versionedUpdate';
import { waitUntilConverged } from './converge';
import { currentService } from './serviceUpdate';

const NONE = 'it was never updated, or its last update was rolled back already (a rollback goes back one spec only)';

export function rollbackService(ctx: OperationContext, serviceId: string): Operation {
  const name = ctx.view.get('service', serviceId)?.name ?? serviceId;
  return {
    title: `Rolling back ${name}`,
    destructive: true,
    rollout: { serviceId: serviceId, tracked: true },
    async check() {
      const service = currentService(ctx, serviceId);
      if (!service.hasPreviousSpec) return refuse(`${service.name} has no previous spec to roll back to: ${NONE}.`);
      const read = await ctx.api.inspectService(serviceId);
      if (!read.previousSpec) return refuse(`${service.name} has no previous spec to roll back to: ${NONE}.`);
      const changes = specChanges(read.spec, read.previousSpec).map(describeChange);
      return proceed({ message: `Roll ${service.name} back to its previous spec on ${ctx.cluster}?`,
        detail: changes.length > 0 ? `Goes back: ${changes.join('; ')}.` : 'The previous spec equals the current one: the tasks are replaced as they are.', action: 'Roll Back' });
    },
    async run(progress, signal) {
      const service = currentService(ctx, serviceId);
      ctx.log.cli(dockerCommand('service', 'rollback', service.name));
      const applied = await applyChange({
        what: `service ${service.name}`,
        read: async (s) => {
          const read = await ctx.api.inspectService(serviceId, s);
          if (!read.previousSpec) throw new OperationError(`${service.name} has no previous spec any more.`, 'Someone rolled it back or replaced it meanwhile.', 'Refresh the view.');
          return read;
        },
        write: async (version, spec, s) => { await ctx.api.updateService(serviceId, version, spec, { rollback: true }, s); },
      }, (spec) => spec, ctx.log, signal);
      progress.report('rollback started; following the tasks');
      const c = await waitUntilConverged(ctx, { serviceId, fromVersion: applied.version, previousStatusStart: service.updateStatus?.startedAt, progress, signal, steps: ['rollback started'] });
      return { message: `${c.service.name} is rolled back: runs ${c.service.image}, ${c.progress.done}/${c.progress.target} running.` };
    },
  };
}
