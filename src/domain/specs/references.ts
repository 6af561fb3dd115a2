// A service's references to a secret or a config, and the one change a rotation makes to them:
// every reference to the old object points at the new one, with the same target (File: name, uid,
// gid, mode; or a config's Runtime use), as `docker service update --secret-rm old --secret-add
// source=new,target=<same path>` leaves it. Pure.
import type { ConfigReferenceSpec, SecretReferenceSpec, ServiceSpec } from './serviceSpec';

export type ReferenceKind = 'secret' | 'config';

export interface ObjectRef {
  readonly id: string;
  readonly name: string;
}

function refsOf(spec: ServiceSpec, kind: ReferenceKind): readonly (SecretReferenceSpec | ConfigReferenceSpec)[] {
  const c = spec.TaskTemplate?.ContainerSpec;
  return (kind === 'secret' ? c?.Secrets : c?.Configs) ?? [];
}

function refers(r: SecretReferenceSpec | ConfigReferenceSpec, kind: ReferenceKind, target: ObjectRef): boolean {
  const id = kind === 'secret' ? (r as SecretReferenceSpec).SecretID : (r as ConfigReferenceSpec).ConfigID;
  const name = kind === 'secret' ? (r as SecretReferenceSpec).SecretName : (r as ConfigReferenceSpec).ConfigName;
  return id === target.id || (id === undefined && name === target.name);
}

/** The target paths (File.Name) under which the service mounts the object; `runtime` for a credential spec. */
export function referenceTargets(spec: ServiceSpec, kind: ReferenceKind, target: ObjectRef): string[] {
  return refsOf(spec, kind).filter((r) => refers(r, kind, target)).map((r) => {
    const file = r.File?.['Name'];
    return typeof file === 'string' ? file : 'runtime';
  });
}

export function withReferenceSwapped(spec: ServiceSpec, kind: ReferenceKind, from: ObjectRef, to: ObjectRef): ServiceSpec {
  const template = spec.TaskTemplate ?? {};
  const container = template.ContainerSpec ?? {};
  if (kind === 'secret') {
    const Secrets = (container.Secrets ?? []).map((r) => (refers(r, kind, from) ? { ...r, SecretID: to.id, SecretName: to.name } : r));
    return { ...spec, TaskTemplate: { ...template, ContainerSpec: { ...container, Secrets } } };
  }
  const Configs = (container.Configs ?? []).map((r) => (refers(r, kind, from) ? { ...r, ConfigID: to.id, ConfigName: to.name } : r));
  return { ...spec, TaskTemplate: { ...template, ContainerSpec: { ...container, Configs } } };
}

/** The `--secret-add`/`--config-add` value the CLI would take for one reference: `source=…,target=…`. */
export function cliReferenceValue(r: SecretReferenceSpec | ConfigReferenceSpec, source: string): string {
  const file = r.File ?? {};
  const parts = [`source=${source}`];
  if (typeof file['Name'] === 'string') parts.push(`target=${file['Name']}`);
  if (typeof file['UID'] === 'string' && file['UID'] !== '0') parts.push(`uid=${file['UID']}`);
  if (typeof file['GID'] === 'string' && file['GID'] !== '0') parts.push(`gid=${file['GID']}`);
  if (typeof file['Mode'] === 'number' && file['Mode'] !== 0o444) parts.push(`mode=${file['Mode'].toString(8).padStart(4, '0')}`);
  return parts.join(',');
}

/** The references of `spec` to `target`, for the CLI equivalent. */
export function referencesTo(spec: ServiceSpec, kind: ReferenceKind, target: ObjectRef): (SecretReferenceSpec | ConfigReferenceSpec)[] {
  return refsOf(spec, kind).filter((r) => refers(r, kind, target));
}
