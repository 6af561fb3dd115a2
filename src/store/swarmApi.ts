// The port through which the cluster store reads the cluster. The Docker adapter (src/docker)
// implements it on dockerode; unit tests implement it on fixtures captured from a real engine.
// Contract: every call settles within the adapter's deadline (a hung call rejects with a timeout),
// and a call whose `signal` aborts rejects at once and releases its connection.
import type { Kind, ObjectOfKind, SwarmInfo } from '../domain/model';
import type { EngineEvent } from '../domain/events';

export interface CallOptions {
  /** Cancels the call (the store aborts the calls of a connection it gave up on). */
  readonly signal?: AbortSignal;
}

export interface ListOptions extends CallOptions {
  /** Only these ids (one call for all of them). */
  readonly ids?: readonly string[];
  /** Tasks only: only the tasks of these services. */
  readonly serviceIds?: readonly string[];
}

export interface SubscribeOptions extends CallOptions {
  /** Replay the events since this time (daemon clock, ns since the epoch), then stream new ones. */
  readonly sinceNano?: number;
}

export interface EventSubscription {
  /** When the daemon opened the stream (its clock, ns since the epoch; second precision). */
  readonly openedAtNano: number;
  /** Stop the stream; `onEnd` is not called after `close`. */
  close(): void;
}

export interface EventHandlers {
  onEvent(event: EngineEvent): void;
  /** The stream ended or failed (daemon stopped, connection lost). */
  onEnd(error?: Error): void;
}

/** What `/_ping` says: the daemon answers, at this API version. */
export interface Ping {
  readonly apiVersion: string;
}

export interface SwarmApi {
  /** A human name of the endpoint, for messages ("unix:///var/run/docker.sock"). */
  readonly endpointLabel: string;
  /** Is the daemon there at all (it answers `/_ping` even while the swarm elects a leader)? */
  ping(options?: CallOptions): Promise<Ping>;
  info(options?: CallOptions): Promise<SwarmInfo>;
  /** One call for all objects of a kind (optionally narrowed by `options`). */
  list<K extends Kind>(kind: K, options?: ListOptions): Promise<ObjectOfKind[K][]>;
  /** Resolves once the stream is established (HTTP response received), within the call deadline. */
  subscribeEvents(handlers: EventHandlers, options?: SubscribeOptions): Promise<EventSubscription>;
}
