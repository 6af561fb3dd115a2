// The cluster store's public face: read access to the cache, typed change notifications, connection state.
import type { Disposable, Event } from '../domain/emitter';
import type { SwarmError } from '../domain/errors';
import type { ServiceConvergence } from '../domain/convergence';
import type { Kind, ObjectOfKind, SwarmInfo, Task } from '../domain/model';

/** What one batch of changes did to one kind. Views refresh only what is named here. */
export interface KindChange {
  readonly kind: Kind;
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
}

export interface ChangeBatch {
  readonly changes: readonly KindChange[];
  /** The batch comes from a full resync (start, reconnect, manual refresh). */
  readonly resync: boolean;
}

/** The manager we talked to stopped answering; another manager of the same swarm took over. */
export interface Failover {
  /** Node names (hostnames) as `/info` gave them. */
  readonly from: string;
  readonly to: string;
  /** The endpoint now in use. */
  readonly endpoint: string;
}

export type ConnectionState =
  | { readonly status: 'connecting' }
  | { readonly status: 'live'; readonly info: SwarmInfo; readonly failover?: Failover }
  /**
   * Disconnected or unable to read the cluster: the cached data is kept but stale. `since` is when
   * the outage began (it survives retries); `error` is the latest reason.
   */
  | { readonly status: 'stale'; readonly error: SwarmError; readonly retryInMs: number; readonly since: number }
  | { readonly status: 'stopped' };

export interface StoreStats {
  /** Unfiltered list calls per kind (start, resync, bursts). */
  readonly fullLists: Readonly<Record<Kind, number>>;
  /** List calls narrowed to some ids (or, for tasks, some services). */
  readonly partialLists: Readonly<Record<Kind, number>>;
  readonly events: number;
  readonly resyncs: number;
  readonly reconnects: number;
  /** Fetches that failed (each retried or answered by a resync). */
  readonly fetchFailures: number;
  /** Event streams found to have missed events (replaced, then a resync). */
  readonly deadStreams: number;
  /** Moves to another manager of the same swarm. */
  readonly failovers: number;
}

export interface ClusterView {
  readonly onDidChange: Event<ChangeBatch>;
  readonly onDidChangeConnection: Event<ConnectionState>;
  readonly connection: ConnectionState;
  /** The endpoint in use (after a failover, the manager that took over). */
  readonly endpointLabel: string;
  /** True while disconnected: the data shown is what was last known. */
  readonly stale: boolean;
  all<K extends Kind>(kind: K): readonly ObjectOfKind[K][];
  get<K extends Kind>(kind: K, id: string): ObjectOfKind[K] | undefined;
  /** Where a service stands: steady, converging, or stuck (with the scheduler's reason). */
  convergence(serviceId: string): ServiceConvergence;
  /** The tasks of a service, current and history (an index kept by the store). */
  tasksOfService(serviceId: string): readonly Task[];
  /** The tasks placed on a node. */
  tasksOfNode(nodeId: string): readonly Task[];
  /** A full resync now (one list call per kind). */
  refresh(): Promise<void>;
  /**
   * Re-list tasks (and these other kinds) at the fast period until disposed, whatever the cluster
   * looks like: an action waiting for what raises no event needs it, e.g. tasks moving on other
   * nodes during a drain, or a promoted node's manager status (Raft membership is not in the
   * node's stored object, so joining the Raft group changes nothing the event stream reports).
   */
  watch(kinds?: readonly Exclude<Kind, 'task'>[]): Disposable;
}
