// The cluster model: plain, immutable snapshots of Swarm objects as the operator sees them.
// Field names follow the Engine API's meaning, in our own vocabulary; mappers in src/docker fill them.

export type Kind = 'node' | 'service' | 'task' | 'secret' | 'config' | 'network';
export const KINDS: readonly Kind[] = ['node', 'service', 'task', 'secret', 'config', 'network'];

export type Labels = Readonly<Record<string, string>>;

/** The label `docker stack deploy` puts on everything it creates: the stack's name. */
export const STACK_NAMESPACE_LABEL = 'com.docker.stack.namespace';

/** The stack an object with these labels belongs to, if any. */
export function stackOf(labels: Labels): string | undefined {
  const name = labels[STACK_NAMESPACE_LABEL];
  return name !== undefined && name !== '' ? name : undefined;
}

/** Every Swarm object has an id; versioned objects carry the Raft index of their last change. */
export interface SwarmObject {
  readonly id: string;
  /** `Version.Index`; 0 for objects without one (networks). */
  readonly version: number;
}

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';
export type Reachability = 'unknown' | 'unreachable' | 'reachable';

export interface ManagerStatus {
  readonly leader: boolean;
  readonly reachability: Reachability;
  readonly addr: string;
}

export interface SwarmNode extends SwarmObject {
  readonly hostname: string;
  readonly role: NodeRole;
  readonly availability: NodeAvailability;
  readonly state: NodeState;
  readonly addr: string;
  readonly message: string;
  readonly labels: Labels;
  readonly engineLabels: Labels;
  readonly engineVersion: string;
  readonly platform: string;
  readonly nanoCpus: number;
  readonly memoryBytes: number;
  readonly managerStatus?: ManagerStatus;
}

export type UpdateState =
  | 'updating' | 'paused' | 'completed'
  | 'rollback_started' | 'rollback_paused' | 'rollback_completed';

export interface UpdateStatus {
  readonly state: UpdateState;
  readonly message: string;
  readonly startedAt?: string;
  readonly completedAt?: string;
}

export type FailureAction = 'pause' | 'continue' | 'rollback';
export type UpdateOrder = 'stop-first' | 'start-first';

export interface UpdatePolicy {
  readonly parallelism: number;
  /** nanoseconds */
  readonly delayNs: number;
  readonly failureAction: FailureAction;
  /** nanoseconds */
  readonly monitorNs: number;
  readonly maxFailureRatio: number;
  readonly order: UpdateOrder;
}

export type ServiceMode =
  | { readonly kind: 'replicated'; readonly replicas: number }
  | { readonly kind: 'global' }
  | { readonly kind: 'replicated-job'; readonly maxConcurrent: number; readonly totalCompletions: number }
  | { readonly kind: 'global-job' };

export interface PublishedPort {
  readonly protocol: string;
  readonly targetPort: number;
  readonly publishedPort?: number;
  readonly publishMode: 'ingress' | 'host';
}

/** A field of a service's spec that differs from its `PreviousSpec`: a dotted path, both values as compact JSON. */
export interface SpecChange {
  /** `TaskTemplate.ContainerSpec.Image`, `Mode.Replicated.Replicas`, … */
  readonly path: string;
  /** Absent when the field is new in the current spec. */
  readonly before?: string;
  /** Absent when the current spec dropped the field. */
  readonly after?: string;
}

/** What `PreviousSpec` says, as far as a rollout shows it. */
export interface PreviousSpec {
  readonly image: string;
  /** The spec fields that differ between `PreviousSpec` and `Spec`. */
  readonly changes: readonly SpecChange[];
}

export interface Service extends SwarmObject {
  readonly name: string;
  readonly image: string;
  readonly mode: ServiceMode;
  readonly labels: Labels;
  /** `com.docker.stack.namespace` label: the stack the service was deployed by, if any. */
  readonly stack?: string;
  readonly updateConfig?: UpdatePolicy;
  readonly rollbackConfig?: UpdatePolicy;
  readonly updateStatus?: UpdateStatus;
  /** The spec a rollback would return to exists (a rollback goes back one spec only). */
  readonly hasPreviousSpec: boolean;
  /** Set exactly when `hasPreviousSpec` is. */
  readonly previousSpec?: PreviousSpec;
  readonly ports: readonly PublishedPort[];
  readonly networkIds: readonly string[];
  readonly secretNames: readonly string[];
  readonly configNames: readonly string[];
  readonly constraints: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * A digest of `Spec.TaskTemplate`: a task whose `specDigest` equals it runs the current spec (what
   * the Engine's `_up-to-date` task filter selects, and what the docker CLI's progress counts).
   */
  readonly taskSpecDigest: string;
  /** Jobs: `JobStatus.JobIteration.Index`, the run whose tasks count. */
  readonly jobIteration?: number;
  /** `ServiceStatus` from a list with `status=true`, when the engine gave it. */
  readonly status?: { readonly running: number; readonly desired: number; readonly completed: number };
}

/** Jobs run to completion instead of running on. */
export function isJob(service: Service): boolean {
  return service.mode.kind === 'replicated-job' || service.mode.kind === 'global-job';
}

export type TaskState =
  | 'new' | 'allocated' | 'pending' | 'assigned' | 'accepted' | 'preparing' | 'ready' | 'starting'
  | 'running' | 'complete' | 'shutdown' | 'failed' | 'rejected' | 'remove' | 'orphaned';

export interface Task extends SwarmObject {
  readonly serviceId: string;
  readonly nodeId?: string;
  /** Replica number for replicated services; absent for global ones. */
  readonly slot?: number;
  readonly image: string;
  readonly state: TaskState;
  readonly desiredState: TaskState;
  readonly message: string;
  readonly error?: string;
  readonly exitCode?: number;
  readonly containerId?: string;
  /** Digest of the task's `Spec`, comparable with its service's `taskSpecDigest`. */
  readonly specDigest: string;
  /** Jobs: the `JobIteration.Index` this task belongs to. */
  readonly jobIteration?: number;
  readonly timestamp: string;
  readonly createdAt: string;
}

export interface Secret extends SwarmObject {
  readonly name: string;
  readonly labels: Labels;
  readonly driver?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Config extends SwarmObject {
  readonly name: string;
  readonly labels: Labels;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Network extends SwarmObject {
  readonly name: string;
  readonly driver: string;
  readonly scope: string;
  readonly attachable: boolean;
  readonly ingress: boolean;
  readonly internal: boolean;
  readonly labels: Labels;
  readonly subnets: readonly string[];
  readonly createdAt: string;
}

/** What `/info` says about the swarm and the node we talk to. */
export interface SwarmInfo {
  readonly nodeId: string;
  readonly nodeAddr: string;
  readonly localNodeState: 'inactive' | 'pending' | 'active' | 'error' | 'locked';
  readonly controlAvailable: boolean;
  readonly clusterId: string;
  readonly managers: number;
  readonly nodes: number;
  readonly engineVersion: string;
  readonly name: string;
  readonly error: string;
}

/** One object of each kind, keyed by kind (used to type generic store code). */
export interface ObjectOfKind {
  node: SwarmNode;
  service: Service;
  task: Task;
  secret: Secret;
  config: Config;
  network: Network;
}
