// The port through which the cluster store reads the cluster. The Docker adapter (src/docker)
// implements it on dockerode; unit tests implement it on fixtures captured from a real engine.
import type { Kind, ObjectOfKind, SwarmInfo } from '../domain/model';
import type { EngineEvent } from '../domain/events';

export interface ListOptions {
  /** Only these ids (one call for all of them). */
  readonly ids?: readonly string[];
  /** Tasks only: only the tasks of these services. */
  readonly serviceIds?: readonly string[];
}

export interface EventSubscription {
  /** Stop the stream; `onEnd` is not called after `close`. */
  close(): void;
}

export interface EventHandlers {
  onEvent(event: EngineEvent): void;
  /** The stream ended or failed (daemon stopped, connection lost). */
  onEnd(error?: Error): void;
}

export interface SwarmApi {
  /** A human name of the endpoint, for messages ("unix:///var/run/docker.sock"). */
  readonly endpointLabel: string;
  info(): Promise<SwarmInfo>;
  /** One call for all objects of a kind (optionally narrowed by `options`). */
  list<K extends Kind>(kind: K, options?: ListOptions): Promise<ObjectOfKind[K][]>;
  /** Resolves once the stream is established (HTTP response received). */
  subscribeEvents(handlers: EventHandlers): Promise<EventSubscription>;
}
