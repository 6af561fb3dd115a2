// The ports through which operations change a swarm, beside the store's read-only SwarmApi. The
// Docker adapter (src/docker/dockerWriteApi.ts) implements them on dockerode, every call with the
// adapter's deadline. Specs are typed (src/domain/specs): an update sends back the spec it read with
// one change applied, and the version it read, so the Engine refuses it if someone changed the
// object in between ("update out of sequence"; see ./versionedUpdate.ts).
import type { NodeSpec, OpenSpec } from '../domain/specs/nodeSpec';
import type { ServiceSpec } from '../domain/specs/serviceSpec';
import type { Labels } from '../domain/model';
import type { ShellStreams } from './streams';

/** An object's spec with the `Version.Index` it was read at. */
export interface Versioned<S> {
  readonly version: number;
  readonly spec: S;
}

export interface ServiceRead extends Versioned<ServiceSpec> {
  /** What `rollback=previous` returns to; absent when there is nothing to roll back to. */
  readonly previousSpec?: ServiceSpec;
}

export interface SwarmRead extends Versioned<OpenSpec> {
  readonly joinTokens: { readonly worker: string; readonly manager: string };
}

export interface NodeWrites {
  inspectNode(id: string, signal?: AbortSignal): Promise<Versioned<NodeSpec>>;
  updateNode(id: string, version: number, spec: NodeSpec, signal?: AbortSignal): Promise<void>;
  removeNode(id: string, force: boolean, signal?: AbortSignal): Promise<void>;
}

export interface ServiceWrites {
  inspectService(id: string, signal?: AbortSignal): Promise<ServiceRead>;
  /** `rollback`: return to the previous spec (the body is then the current spec, unchanged). Resolves to the Engine's warnings. */
  updateService(id: string, version: number, spec: ServiceSpec, options?: { readonly rollback?: boolean }, signal?: AbortSignal): Promise<readonly string[]>;
  createService(spec: ServiceSpec, signal?: AbortSignal): Promise<{ readonly id: string; readonly warnings: readonly string[] }>;
  removeService(id: string, signal?: AbortSignal): Promise<void>;
}

export interface InitRequest {
  readonly advertiseAddr?: string;
  readonly listenAddr: string;
}

export interface JoinRequest {
  readonly remoteAddrs: readonly string[];
  readonly joinToken: string;
  readonly advertiseAddr?: string;
  readonly listenAddr: string;
}

/** Calls on the engine of the endpoint itself (swarm membership), not on the cluster. */
export interface SwarmWrites {
  inspectSwarm(signal?: AbortSignal): Promise<SwarmRead>;
  /** `docker swarm join-token --rotate`: a swarm update with the spec unchanged. */
  rotateJoinToken(version: number, spec: OpenSpec, role: 'worker' | 'manager', signal?: AbortSignal): Promise<void>;
  /** Resolves to the new node's id. */
  initSwarm(request: InitRequest, signal?: AbortSignal): Promise<string>;
  joinSwarm(request: JoinRequest, signal?: AbortSignal): Promise<void>;
  leaveSwarm(force: boolean, signal?: AbortSignal): Promise<void>;
  unlockSwarm(unlockKey: string, signal?: AbortSignal): Promise<void>;
}

export interface EngineReads {
  /** `repo:tag` of every image on the endpoint's engine (no `<none>`). */
  imageTags(signal?: AbortSignal): Promise<readonly string[]>;
}

/** What `POST /secrets/create` and `/configs/create` take; `data` never reaches a log. */
export interface NamedObjectCreate {
  readonly name: string;
  readonly data: Uint8Array;
  readonly labels?: Labels;
  /** Carried over by a rotation (`Templating`, a secret's `Driver`), as the Engine sent them. */
  readonly extra?: OpenSpec;
}

export interface NetworkCreate {
  readonly name: string;
  readonly attachable: boolean;
  readonly internal: boolean;
  readonly subnet?: { readonly cidr: string; readonly family: 4 | 6 };
  readonly labels?: Labels;
}

/** Secrets, configs and networks: created and removed, never updated (Swarm keeps them immutable). */
export interface ResourceWrites {
  /** Resolves to the new object's id. */
  createSecret(request: NamedObjectCreate, signal?: AbortSignal): Promise<string>;
  removeSecret(id: string, signal?: AbortSignal): Promise<void>;
  createConfig(request: NamedObjectCreate, signal?: AbortSignal): Promise<string>;
  removeConfig(id: string, signal?: AbortSignal): Promise<void>;
  /** An overlay network of swarm scope. */
  createNetwork(request: NetworkCreate, signal?: AbortSignal): Promise<string>;
  removeNetwork(id: string, signal?: AbortSignal): Promise<void>;
  /** The spec fields a rotation carries over to the new object (`Templating`; a secret's `Driver`). */
  inspectNamedObject(kind: 'secret' | 'config', id: string, signal?: AbortSignal): Promise<OpenSpec>;
}

export interface SwarmWriteApi extends NodeWrites, ServiceWrites, SwarmWrites, EngineReads, ResourceWrites {
  /** The endpoint, for messages. */
  readonly endpointLabel: string;
}

/** An engine we can reach directly, found because its `/info` reports a given node id. */
export interface NodeEngine {
  /** Where it was found: `Docker context "node3" (ssh://node3)`. */
  readonly label: string;
  readonly api: SwarmWriteApi;
  /** Exec on that node's engine (a shell in one of its containers). */
  readonly shell: ShellStreams;
}

export interface NodeEngines {
  /** The engine of that node among the endpoints the user has (Docker contexts), or undefined. */
  find(nodeId: string, signal?: AbortSignal): Promise<NodeEngine | undefined>;
}

/**
 * Where every action reports what it does: the docker CLI command that does the same (so a user can
 * learn and repeat it) and each Engine call with its answer. Never given secret values.
 */
export interface ActionLog {
  cli(command: string): void;
  engine(call: string, answer: string, failed: boolean): void;
  note(message: string): void;
}
