// Rotate secret… / Rotate config…: create the new version from the new value, move every service
// that uses the old one to it at the same target paths (one versioned service update each, then a
// wait until that service has converged by the docker CLI's rule), then remove the old one. At the
// first failure it stops and says which steps ran; the old object stays, so no service is left
// pointing at nothing.
import { dockerCommand } from '../../domain/cliCommand';
import type { Config, Secret, Service } from '../../domain/model';
import { explainEngineError } from '../../domain/refusals';
import { rotationConfirmation, type RotationPlan } from '../../domain/resources/rotation';
import { checkData, checkObjectName, type NamedKind } from '../../domain/resources/validate';
import { cliReferenceValue, referencesTo, withReferenceSwapped, type ObjectRef } from '../../domain/specs/references';
import type { ServiceSpec } from '../../domain/specs/serviceSpec';
import { Cancelled, OperationError, proceed, refuse, throwIfAborted, type Operation, type OperationContext, type Progress } from '../operation';
import { current, waitForPresence } from '../presence';
import { waitUntilConverged } from '../service/converge';
import { applyChange } from '../versionedUpdate';
import { dataArgument, opsOf, type ValueSource } from './kinds';

export interface RotateParams {
  readonly newName: string;
  readonly data: Uint8Array;
  readonly source: ValueSource;
}

function planOf(ctx: OperationContext, kind: NamedKind, object: Secret | Config, newName: string): RotationPlan {
  return { kind, from: { id: object.id, name: object.name, labels: object.labels }, to: newName, services: opsOf(kind).users(ctx.view.all('service'), object) };
}

/** `docker service update --secret-rm old --secret-add source=new,target=… web` for the references it had. */
function updateCommand(kind: NamedKind, spec: ServiceSpec, service: string, from: ObjectRef, to: string): string {
  const adds = referencesTo(spec, kind, from).flatMap((r) => [`--${kind}-add`, cliReferenceValue(r, to)]);
  return dockerCommand('service', 'update', '--detach', `--${kind}-rm`, from.name, ...adds, service);
}

export function rotateNamedObject(ctx: OperationContext, kind: NamedKind, id: string, params: RotateParams): Operation {
  const ops = opsOf(kind);
  const name = ctx.view.get(kind, id)?.name ?? id;
  return {
    title: `Rotating ${kind} ${name}`,
    destructive: true,
    check() {
      const object = current(ctx, kind, id);
      const problem = checkObjectName(kind, params.newName, ctx.view.all(kind).map((o) => o.name)) ?? checkData(kind, params.data.length);
      if (problem) return refuse(problem);
      const words = rotationConfirmation(planOf(ctx, kind, object, params.newName), ctx.cluster);
      return proceed({ ...words, action: 'Rotate' });
    },
    async run(progress, signal) {
      const object = current(ctx, kind, id);
      const from = { id: object.id, name: object.name };
      const steps: string[] = [];
      let step = `create ${kind} ${params.newName}`;
      try {
        const extra = await ctx.api.inspectNamedObject(kind, object.id, signal);
        ctx.log.cli(dockerCommand(kind, 'create', ...labelArgs(object.labels), params.newName, dataArgument(params.source)));
        const newId = await ops.create(ctx.api, { name: params.newName, data: params.data, labels: object.labels, extra }, signal);
        await waitForPresence(ctx, kind, newId, true, `${kind} ${params.newName}`, signal, steps);
        steps.push(`created ${kind} ${params.newName}`);
        const to = { id: newId, name: params.newName };
        const services = planOf(ctx, kind, object, params.newName).services;
        for (const [i, service] of services.entries()) {
          throwIfAborted(signal, steps);
          step = `move service ${service.name} to ${params.newName}`;
          const sub: Progress = { report: (m, f) => progress.report(`(${i + 1}/${services.length}) ${service.name}: ${m}`, f) };
          const moved = await moveService(ctx, kind, service, from, to, sub, signal, steps);
          steps.push(moved ? `moved ${service.name} to ${params.newName}; it converged` : `${service.name} no longer used ${from.name}`);
        }
        throwIfAborted(signal, steps);
        step = `remove ${kind} ${from.name}`;
        const stillUsing = ops.users(ctx.view.all('service'), object).map((s) => s.name);
        if (stillUsing.length > 0) {
          throw new OperationError(`${stillUsing.join(', ')} started using ${from.name} during the rotation.`,
            `${from.name} is kept, since removing it would fail.`, `Rotate again, or move ${stillUsing.join(', ')} yourself.`, steps);
        }
        ctx.log.cli(dockerCommand(kind, 'rm', from.name));
        await ops.remove(ctx.api, from.id, signal);
        await waitForPresence(ctx, kind, from.id, false, `${kind} ${from.name} removed`, signal, steps);
        const moved = services.length === 0 ? 'no service used it' : `${services.map((s) => s.name).join(', ')} moved to ${params.newName}`;
        return { message: `${ops.title} ${from.name} rotated: ${moved}; ${from.name} removed.` };
      } catch (e) {
        throw stopped(ctx, e, step, from.name, steps);
      }
    },
  };
}

function labelArgs(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
}

/** Updates one service's references and waits for it to converge; false when it no longer had any. */
async function moveService(ctx: OperationContext, kind: NamedKind, service: Service, from: ObjectRef, to: ObjectRef,
  progress: Progress, signal: AbortSignal, steps: readonly string[]): Promise<boolean> {
  const previousStatusStart = ctx.view.get('service', service.id)?.updateStatus?.startedAt;
  let referred = true;
  const applied = await applyChange({
    what: `service ${service.name}`,
    read: (s) => ctx.api.inspectService(service.id, s),
    write: async (version, spec, s) => { await ctx.api.updateService(service.id, version, spec, {}, s); },
  }, (spec) => {
    referred = referencesTo(spec, kind, from).length > 0;
    if (referred) ctx.log.cli(updateCommand(kind, spec, service.name, from, to.name));
    return referred ? withReferenceSwapped(spec, kind, from, to) : spec;
  }, ctx.log, signal);
  if (!referred) return false;
  progress.report('updated; waiting for its tasks');
  await waitUntilConverged(ctx, { serviceId: service.id, fromVersion: applied.version, previousStatusStart, progress, signal, steps });
  return true;
}

/** Any failure, as the error the runner shows: where it stopped, what ran, and that the old one stays. */
function stopped(ctx: OperationContext, e: unknown, step: string, oldName: string, steps: readonly string[]): Error {
  if (e instanceof Cancelled) return new Cancelled(steps);
  const kept = `${oldName} is still in place, so every service keeps a working reference.`;
  if (e instanceof OperationError) return new OperationError(`The rotation stopped at "${step}": ${e.message}`, e.meaning, `${kept} ${e.next}`, steps);
  const x = explainEngineError(e, ctx.api.endpointLabel);
  return new OperationError(`The rotation stopped at "${step}": ${x.message}`, x.meaning, `${kept} ${x.next}`, steps);
}
