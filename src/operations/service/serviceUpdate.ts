// What the service actions share: the service as a versioned object on the write port, one change
// sent with its docker CLI equivalent (retried once on a version conflict), then following the
// rollout in the store until it converges by the CLI's rule.
import type { Service } from '../../domain/model';
import type { ServiceSpec } from '../../domain/specs/serviceSpec';
import { OperationError, type OperationContext, type Outcome, type Progress } from '../operation';
import { applyChange, type Applied } from '../versionedUpdate';
import { waitUntilConverged, type Converged } from './converge';

export function currentService(ctx: OperationContext, id: string): Service {
  const s = ctx.view.get('service', id);
  if (!s) throw new OperationError(`That service no longer exists on ${ctx.cluster}.`, 'It was removed meanwhile.', 'Refresh the view.');
  return s;
}

export function changeService(ctx: OperationContext, service: Service, cli: string, change: (spec: ServiceSpec) => ServiceSpec, signal: AbortSignal): Promise<Applied<ServiceSpec>> {
  ctx.log.cli(cli);
  return applyChange({
    what: `service ${service.name}`,
    read: (s) => ctx.api.inspectService(service.id, s),
    write: async (version, spec, s) => {
      const warnings = await ctx.api.updateService(service.id, version, spec, {}, s);
      for (const w of warnings) ctx.log.note(`Engine warning: ${w}`);
    },
  }, change, ctx.log, signal);
}

/** The change, then the rollout it starts, followed until converged; `done` words the outcome. */
export async function changeAndConverge(ctx: OperationContext, service: Service, cli: string, change: (spec: ServiceSpec) => ServiceSpec,
  progress: Progress, signal: AbortSignal, done: (c: Converged) => Outcome): Promise<Outcome> {
  const applied = await changeService(ctx, service, cli, change, signal);
  progress.report('sent; following the tasks');
  const converged = await waitUntilConverged(ctx, {
    serviceId: service.id, fromVersion: applied.version, previousStatusStart: service.updateStatus?.startedAt, progress, signal,
    steps: [`${service.name} updated`],
  });
  return done(converged);
}
