// The service Spec as the Engine sends it (`GET /services/{id}` → `Spec`) and takes it back on
// `POST /services/{id}/update`: the fields actions read or change are typed, every other field rides
// along untouched (`OpenSpec`), so a scale never drops a healthcheck it did not know about. Pure.
import type { Labels } from '../model';
import type { OpenSpec } from './nodeSpec';

export type { OpenSpec } from './nodeSpec';

export interface ServiceSpec extends OpenSpec {
  readonly Name?: string;
  readonly Labels?: Labels;
  readonly Mode?: ModeSpec;
  readonly TaskTemplate?: TaskTemplateSpec;
  readonly EndpointSpec?: EndpointSpec;
  readonly UpdateConfig?: OpenSpec;
  readonly RollbackConfig?: OpenSpec;
}

export interface ModeSpec extends OpenSpec {
  readonly Replicated?: ReplicatedSpec;
  readonly Global?: OpenSpec;
  readonly ReplicatedJob?: OpenSpec;
  readonly GlobalJob?: OpenSpec;
}

export interface ReplicatedSpec extends OpenSpec {
  readonly Replicas?: number;
}

export interface TaskTemplateSpec extends OpenSpec {
  readonly ContainerSpec?: ContainerSpec;
  readonly Placement?: PlacementSpec;
  readonly Networks?: readonly NetworkAttachmentSpec[];
  /** A counter: any change re-creates every task (`docker service update --force`). */
  readonly ForceUpdate?: number;
}

export interface ContainerSpec extends OpenSpec {
  readonly Image?: string;
  readonly Args?: readonly string[];
  readonly Env?: readonly string[];
  readonly Init?: boolean;
  readonly Secrets?: readonly SecretReferenceSpec[];
  readonly Configs?: readonly ConfigReferenceSpec[];
}

export interface SecretReferenceSpec extends OpenSpec {
  readonly SecretID?: string;
  readonly SecretName?: string;
  readonly File?: OpenSpec;
}

export interface ConfigReferenceSpec extends OpenSpec {
  readonly ConfigID?: string;
  readonly ConfigName?: string;
  /** Absent for a config used as a credential spec (`Runtime`). */
  readonly File?: OpenSpec;
}

export interface PlacementSpec extends OpenSpec {
  readonly Constraints?: readonly string[];
}

export interface NetworkAttachmentSpec extends OpenSpec {
  readonly Target?: string;
  readonly Aliases?: readonly string[];
}

export type PortProtocol = 'tcp' | 'udp' | 'sctp';
export type PublishMode = 'ingress' | 'host';

export interface PortConfigSpec extends OpenSpec {
  readonly Protocol?: PortProtocol;
  readonly TargetPort?: number;
  readonly PublishedPort?: number;
  readonly PublishMode?: PublishMode;
}

export interface EndpointSpec extends OpenSpec {
  readonly Mode?: 'vip' | 'dnsrr';
  readonly Ports?: readonly PortConfigSpec[];
}

/** Replicas of a replicated service; undefined for global services and jobs. */
export function replicasOf(spec: ServiceSpec): number | undefined {
  const r = spec.Mode?.Replicated;
  return r === undefined ? undefined : r.Replicas ?? 1;
}

export function withReplicas(spec: ServiceSpec, replicas: number): ServiceSpec {
  const mode = spec.Mode ?? {};
  if (mode.Replicated === undefined && Object.keys(mode).length > 0) throw new Error(`${spec.Name ?? 'the service'} is not a replicated service`);
  return { ...spec, Mode: { ...mode, Replicated: { ...mode.Replicated, Replicas: replicas } } };
}

function withContainer(spec: ServiceSpec, change: (c: ContainerSpec) => ContainerSpec): ServiceSpec {
  const template = spec.TaskTemplate ?? {};
  return { ...spec, TaskTemplate: { ...template, ContainerSpec: change(template.ContainerSpec ?? {}) } };
}

export function imageOf(spec: ServiceSpec): string {
  return spec.TaskTemplate?.ContainerSpec?.Image ?? '';
}

export function withImage(spec: ServiceSpec, image: string): ServiceSpec {
  return withContainer(spec, (c) => ({ ...c, Image: image }));
}

/** `docker service update --force`: one more on the counter, so every task is replaced. */
export function withForceUpdate(spec: ServiceSpec): ServiceSpec {
  const template = spec.TaskTemplate ?? {};
  return { ...spec, TaskTemplate: { ...template, ForceUpdate: (template.ForceUpdate ?? 0) + 1 } };
}
