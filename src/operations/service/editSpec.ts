// Edit a service's whole Spec as YAML, like `kubectl edit`: the document is the spec read at one
// version; saving validates it, shows what changes, and updates the service WITH THAT VERSION. If
// anyone changed the service in between, the Engine answers "update out of sequence" and the edit is
// a conflict for the user to resolve (their edit beside the current spec), never merged silently.
// Covers every `docker service update` flag in one mechanism.
import { dockerCommand } from '../../domain/cliCommand';
import { isOutOfSequence } from '../../domain/refusals';
import { describeChange, specChanges } from '../../domain/specs/changes';
import type { ServiceSpec } from '../../domain/specs/serviceSpec';
import { narrowServiceSpec } from '../../domain/specs/shape';
import { validateConstraint, validateEnv, validateImage } from '../../domain/validate/serviceInput';
import { yamlLib } from '../../yamlAst/lazyLibs';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import { waitUntilConverged } from './converge';
import { rolledBack } from './updateImage';
import { currentService } from './serviceUpdate';

export interface SpecDocument {
  readonly serviceId: string;
  readonly version: number;
  readonly spec: ServiceSpec;
  /** The YAML shown to the user. */
  readonly text: string;
}

/** Raised by the edit operation when the service changed since the document was read. */
export class SpecConflict extends Error {
  override readonly name = 'SpecConflict';
  constructor(readonly current: SpecDocument, readonly baseVersion: number) {
    super(`The service changed since version ${baseVersion} was opened (it is at version ${current.version} now); your edit was not applied.`);
  }
}

function header(name: string, id: string, version: number, cluster: string): string {
  return `# Service ${name} (${id}) on ${cluster}, spec at version ${version}.\n`
    + '# Save to update the service: the changes are shown first. Engine API ServiceSpec fields; durations in nanoseconds.\n';
}

export function toSpecDocument(serviceId: string, version: number, spec: ServiceSpec, cluster: string): SpecDocument {
  return { serviceId, version, spec, text: header(spec.Name ?? serviceId, serviceId, version, cluster) + yamlLib().stringify(spec, { lineWidth: 0 }) };
}

export async function readSpecDocument(ctx: OperationContext, serviceId: string, signal?: AbortSignal): Promise<SpecDocument> {
  const read = await ctx.api.inspectService(serviceId, signal);
  return toSpecDocument(serviceId, read.version, read.spec, ctx.cluster);
}

export type ParsedEdit = { readonly spec: ServiceSpec; readonly problems?: undefined } | { readonly spec?: undefined; readonly problems: readonly string[] };

function modeKind(spec: ServiceSpec): string {
  return Object.keys(spec.Mode ?? { Replicated: {} }).sort().join('+');
}

/** The edited text as a spec, or what is wrong with it (YAML, types, and what Swarm refuses to change). */
export function parseEdit(text: string, base: SpecDocument): ParsedEdit {
  const doc = yamlLib().parseDocument(text);
  if (doc.errors.length > 0) return { problems: doc.errors.map((e) => `YAML: ${e.message.split('\n')[0] ?? e.message}`) };
  const narrowed = narrowServiceSpec(doc.toJS());
  if (narrowed.problems) return { problems: narrowed.problems };
  const spec = narrowed.spec;
  const problems: string[] = [];
  if (spec.Name !== base.spec.Name) problems.push(`Name must stay "${base.spec.Name ?? ''}": Swarm cannot rename a service.`);
  if (modeKind(spec) !== modeKind(base.spec)) problems.push(`Mode must stay ${modeKind(base.spec)}: Swarm cannot change a service's mode.`);
  const image = validateImage(spec.TaskTemplate?.ContainerSpec?.Image ?? '');
  if (image) problems.push(`TaskTemplate.ContainerSpec.Image: ${image}`);
  if ((spec.Mode?.Replicated?.Replicas ?? 0) < 0) problems.push('Mode.Replicated.Replicas cannot be negative.');
  for (const e of spec.TaskTemplate?.ContainerSpec?.Env ?? []) { const p = validateEnv(e); if (p) problems.push(`TaskTemplate.ContainerSpec.Env: ${p}`); }
  for (const c of spec.TaskTemplate?.Placement?.Constraints ?? []) { const p = validateConstraint(c); if (p) problems.push(`TaskTemplate.Placement.Constraints: ${p}`); }
  return problems.length > 0 ? { problems } : { spec };
}

/** The update an edited document asks for; throws SpecConflict when the service moved on meanwhile. */
export function editServiceSpec(ctx: OperationContext, base: SpecDocument, edited: ServiceSpec): Operation {
  const name = base.spec.Name ?? base.serviceId;
  const changes = specChanges(base.spec, edited);
  return {
    title: `Updating ${name} with the edited spec`,
    destructive: true,
    rollout: { serviceId: base.serviceId, tracked: true },
    check() {
      currentService(ctx, base.serviceId);
      if (changes.length === 0) return refuse(`The edited spec of ${name} equals the one opened: nothing to update.`);
      return proceed({ message: `Update ${name} on ${ctx.cluster} with ${changes.length} change${changes.length === 1 ? '' : 's'}?`,
        detail: changes.map(describeChange).join('\n'), action: 'Update' });
    },
    async run(progress, signal) {
      const service = currentService(ctx, base.serviceId);
      ctx.log.cli(`${dockerCommand('service', 'update', name)}  # with: ${changes.map((c) => c.path).join(', ')} (edited spec, version ${base.version})`);
      try {
        const warnings = await ctx.api.updateService(base.serviceId, base.version, edited, {}, signal);
        for (const w of warnings) ctx.log.note(`Engine warning: ${w}`);
      } catch (e) {
        if (!isOutOfSequence(e)) throw e;
        throw new SpecConflict(await readSpecDocument(ctx, base.serviceId, signal), base.version);
      }
      progress.report('sent; following the tasks');
      const c = await waitUntilConverged(ctx, { serviceId: base.serviceId, fromVersion: base.version, previousStatusStart: service.updateStatus?.startedAt, progress, signal, steps: [`${name} updated`] });
      rolledBack(c);
      return { message: `${name} is updated (${changes.length} change${changes.length === 1 ? '' : 's'}): ${c.progress.done}/${c.progress.target} running.` };
    },
  };
}

export function isSpecConflict(e: unknown): e is SpecConflict {
  return e instanceof SpecConflict;
}
