// The operator's informer: one list call per kind fills the cache, the Engine event stream keeps it
// current (bursts coalesced into one plan), tasks are re-listed on a fast/slow period because task
// changes on other nodes never reach a manager's stream. It never wedges: every call has a deadline
// (the port's contract) and the calls of a connection given up on are aborted; a failed fetch stays
// due and is retried with backoff, and past a few failures (or one timeout) the data is marked stale
// and the store reconnects — to another manager of the swarm if this one is down — and resyncs.
import { backoffMs } from '../domain/backoff';
import { ConvergenceTracker, type ServiceConvergence } from '../domain/convergence';
import { Emitter, type Disposable } from '../domain/emitter';
import { classifyError, isTimeout, leaderLost, SwarmProblem, type SwarmError } from '../domain/errors';
import { fullPlan, isEmptyPlan, mergePlans, planRefresh, type EngineEvent, type RefreshPlan } from '../domain/events';
import { KINDS, type Kind, type ObjectOfKind, type SwarmInfo, type Task } from '../domain/model';
import { connectSwarm, type Connected } from './connector';
import { EventLedger, Replacement } from './eventLedger';
import { ObjectCache } from './objectCache';
import { fetchPlan, writePlan } from './planRunner';
import { Tombstones } from './tombstones';
import { DEFAULT_STORE_OPTIONS, type StoreOptions } from './storeOptions';
import { StatsCounter } from './stats';
import { TaskIndex } from './taskIndex';
import type { EventHandlers, EventSubscription, SwarmApi } from './swarmApi';
import type { ChangeBatch, ClusterView, ConnectionState, Failover, StoreStats } from './types';

export { DEFAULT_STORE_OPTIONS, type StoreOptions } from './storeOptions';

/** The stream ended without an error of its own: the daemon went away or closed it. */
const streamEnded = (): Error => Object.assign(new Error('the event stream ended'), { code: 'ECONNRESET' });

type TimerName = 'flush' | 'retry' | 'reconnect' | 'poll' | 'stream' | 'ping' | 'stable';

export class ClusterStore implements ClusterView {
  private readonly cache = new ObjectCache();
  private readonly changes = new Emitter<ChangeBatch>();
  private readonly connections = new Emitter<ConnectionState>();
  private readonly counters = new StatsCounter();
  private readonly tracker: ConvergenceTracker;
  private options: StoreOptions;
  private state: ConnectionState = { status: 'stopped' };
  private api: SwarmApi;
  private info: SwarmInfo | undefined;
  private failover: Failover | undefined;
  /** Bumped whenever a connection is given up: work of an older generation is dropped. */
  private generation = 0;
  private aborter = new AbortController();
  private subscription: EventSubscription | undefined;
  private ledger = new EventLedger(0);
  private attempt = 0;
  private outageSince: number | undefined;
  private pending: EngineEvent[] = [];
  /** Work that is due: event plans not yet applied, and failed fetches waiting for their retry. */
  private due: RefreshPlan | undefined;
  private fetchFailures = 0;
  private readonly timers = new Map<TimerName, ReturnType<typeof setTimeout>>();
  private pollPeriod = 0;
  /** Holders of watch(), and the extra kinds each holds. */
  private readonly watchers = new Set<readonly Kind[]>();
  /** Serialises every cache mutation so responses apply in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();

  readonly onDidChange = this.changes.event;
  readonly onDidChangeConnection = this.connections.event;

  private readonly tombstones = new Tombstones();
  private readonly taskIndex = new TaskIndex((id) => this.cache.get('task', id), () => this.cache.all('task'));

  constructor(
    private readonly primary: SwarmApi,
    options: Partial<StoreOptions> = {},
    /** Other endpoints that may reach managers of the same swarm (failover candidates). */
    private readonly alternates: () => readonly SwarmApi[] = () => [],
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_STORE_OPTIONS, ...options };
    this.tracker = new ConvergenceTracker(this.options.stuckAfterMs);
    this.api = primary;
    // The first listener: the index is current before any view hears of a batch.
    this.changes.event((batch) => this.taskIndex.apply(batch));
  }

  tasksOfService(serviceId: string): readonly Task[] { return this.taskIndex.tasksOfService(serviceId); }
  tasksOfNode(nodeId: string): readonly Task[] { return this.taskIndex.tasksOfNode(nodeId); }

  get endpointLabel(): string { return this.api.endpointLabel; }
  /** The endpoint in use: the configured one, or after a failover the manager that stands in. */
  get through(): SwarmApi { return this.api; }
  get connection(): ConnectionState { return this.state; }
  get stale(): boolean { return this.state.status === 'stale'; }
  get stats(): StoreStats { return this.counters.snapshot(); }

  all<K extends Kind>(kind: K): readonly ObjectOfKind[K][] { return this.cache.all(kind); }
  get<K extends Kind>(kind: K, id: string): ObjectOfKind[K] | undefined { return this.cache.get(kind, id); }
  convergence(serviceId: string): ServiceConvergence { return this.tracker.get(serviceId); }

  start(): void {
    if (this.state.status !== 'stopped') return;
    void this.connect();
  }

  updateOptions(options: Partial<StoreOptions>): void {
    this.options = { ...this.options, ...options };
    this.tracker.setStuckAfter(this.options.stuckAfterMs);
    if (this.state.status === 'live') this.schedulePoll(true);
  }

  async refresh(): Promise<void> {
    if (this.state.status !== 'live') {
      await this.connect();
      const s = this.state as ConnectionState;
      if (s.status === 'stale') throw new SwarmProblem(s.error);
      return;
    }
    await this.resyncNow(this.generation);
  }

  watch(kinds: readonly Exclude<Kind, 'task'>[] = []): Disposable {
    const hold: readonly Kind[] = [...kinds];
    this.watchers.add(hold);
    if (this.state.status === 'live') this.schedulePoll(false);
    return { dispose: () => { this.watchers.delete(hold); } };
  }

  dispose(): void {
    this.giveUp();
    this.setState({ status: 'stopped' });
    this.changes.dispose();
    this.connections.dispose();
  }

  // ---- connection lifecycle ----

  /** Drops the current connection: its calls are aborted, its timers and stream stopped. */
  private giveUp(): void {
    this.generation++;
    this.aborter.abort();
    this.aborter = new AbortController();
    const sub = this.subscription;
    this.subscription = undefined;
    sub?.close();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    // The next connection starts with a resync, which covers whatever was pending or due.
    this.pending = [];
    this.due = undefined;
    this.fetchFailures = 0;
  }

  private async connect(): Promise<void> {
    this.giveUp();
    const gen = this.generation;
    const signal = this.aborter.signal;
    if (this.state.status !== 'stale') this.setState({ status: 'connecting' });
    try {
      const c = await connectSwarm(this.api, this.info ? [this.primary, ...this.alternates()] : [], {
        clusterId: this.info?.clusterId, signal, outageSince: this.outageSince ?? this.now(), now: this.now,
        handlers: (api) => this.streamHandlers(gen, api),
      });
      if (gen !== this.generation) { c.subscription.close(); return; }
      this.adopt(c);
      // Subscribe first, then list: nothing that happens in between is missed.
      await this.enqueue(() => this.resync(gen));
      if (gen !== this.generation) return;
      if (this.outageSince !== undefined) this.counters.reconnected();
      this.outageSince = undefined;
      this.setState(this.failover ? { status: 'live', info: c.info, failover: this.failover } : { status: 'live', info: c.info });
      this.schedulePoll(true);
      this.later('stream', this.options.streamCheckMs, () => this.checkStream(gen));
      this.later('ping', this.options.pingMs, () => this.ping(gen));
      // Backoff starts over only once the connection has proved stable: a flapping one keeps growing it.
      this.later('stable', this.options.stableAfterMs, () => { this.attempt = 0; });
    } catch (err) {
      if (gen === this.generation) this.lost(err);
    }
  }

  private adopt(c: Connected): void {
    if (c.api !== this.api) {
      const from = this.info?.name || this.api.endpointLabel;
      // Back on the configured endpoint (the stand-in went down in turn): no longer a failover.
      this.failover = c.api === this.primary ? undefined : { from, to: c.info.name || c.api.endpointLabel, endpoint: c.api.endpointLabel };
      this.counters.failedOver();
      this.api = c.api;
    }
    this.info = c.info;
    this.subscription = c.subscription;
    this.ledger = new EventLedger(c.subscription.openedAtNano);
  }

  private streamHandlers(gen: number, api: SwarmApi, replacement?: Replacement): EventHandlers {
    return {
      onEvent: (e) => {
        if (gen !== this.generation || !this.ledger.first(e)) return;
        this.onEvent(e);
        replacement?.delivered(e);
      },
      onEnd: (err) => { if (gen === this.generation && api === this.api) this.lost(err ?? streamEnded()); },
    };
  }

  /** The stream or a call failed: keep the data, mark it stale, reconnect with backoff. */
  private lost(err: unknown): void {
    const gen = this.generation;
    this.giveUp();
    const since = this.outageSince ??= this.now();
    const retryInMs = backoffMs(this.attempt++, { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs });
    const stale = (error: SwarmError): void => this.setState({ status: 'stale', error, retryInMs, since });
    stale(classifyError(err, this.api.endpointLabel));
    this.later('reconnect', retryInMs, () => { void this.connect(); });
    // A call that timed out on a daemon that still answers its ping: the swarm is without a leader.
    if (isTimeout(err)) {
      const api = this.api;
      void api.ping({ signal: this.aborter.signal }).then(() => {
        if (this.generation === gen + 1 && this.state.status === 'stale') stale(leaderLost(api.endpointLabel, since, this.now()));
      }, () => undefined);
    }
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.connections.fire(state);
  }

  private later(name: TimerName, ms: number, run: () => void): void {
    clearTimeout(this.timers.get(name));
    this.timers.set(name, setTimeout(() => { this.timers.delete(name); run(); }, ms));
  }

  // ---- keeping current ----

  private onEvent(event: EngineEvent): void {
    this.counters.event();
    this.pending.push(event);
    if (this.timers.has('flush')) return;
    this.later('flush', this.options.coalesceMs, () => {
      const plan = planRefresh(this.pending.splice(0), { maxIds: this.options.maxIdsPerCall });
      if (!isEmptyPlan(plan)) this.run(plan);
    });
  }

  /** Adds `plan` to the due work and runs all of it, once the queue gets to it. */
  private run(plan: RefreshPlan): void {
    this.due = this.due ? mergePlans(this.due, plan, { maxIds: this.options.maxIdsPerCall }) : plan;
    const gen = this.generation;
    void this.enqueue(async () => {
      const work = this.due;
      if (gen !== this.generation || !work) return;
      this.due = undefined;
      try {
        await this.apply(work, false, gen);
        this.fetchFailures = 0;
      } catch (err) {
        if (gen !== this.generation) return;
        this.due = this.due ? mergePlans(work, this.due, { maxIds: this.options.maxIdsPerCall }) : work;
        this.fetchFailed(err);
      }
    });
  }

  private fetchFailed(err: unknown): void {
    this.counters.fetchFailed();
    // A timeout already cost a whole deadline: the data cannot be trusted any longer.
    if (isTimeout(err) || ++this.fetchFailures >= this.options.maxFetchFailures) {
      this.fetchFailures = 0;
      this.lost(err);
      return;
    }
    const delay = backoffMs(this.fetchFailures - 1, { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs });
    this.later('retry', delay, () => this.run({ fetch: new Map(), removed: new Map() }));
  }

  private schedulePoll(reset: boolean): void {
    const moved = this.tracker.update(this.cache.all('service'), this.cache.all('task'), this.now());
    // A service that became stuck (or moves again) is shown differently: views refresh it.
    if (moved.length > 0) this.changes.fire({ changes: [{ kind: 'service', added: [], updated: moved, removed: [] }], resync: false });
    const period = this.watchers.size > 0 || this.tracker.anyMoving() ? this.options.fastTaskPollMs : this.options.slowTaskPollMs;
    if (!reset && period === this.pollPeriod && this.timers.has('poll')) return;
    this.pollPeriod = period;
    const gen = this.generation;
    this.later('poll', period, () => {
      const watched = new Set<Kind>(['task', ...[...this.watchers].flat()]);
      this.run({ fetch: new Map([...watched].map((k) => [k, { all: true }])), removed: new Map() });
      void this.enqueue(async () => { if (gen === this.generation) this.schedulePoll(true); });
    });
  }

  /** Replaces the stream by one replaying from just before the last event seen (see EventLedger). */
  private async checkStream(gen: number): Promise<void> {
    // The old stream had stopped delivering: resync, since the daemon may have dropped events too.
    const replacement = new Replacement(this.ledger, () => {
      this.counters.streamDied();
      void this.resyncNow(gen).catch(() => undefined);
    });
    try {
      const sub = await this.api.subscribeEvents(this.streamHandlers(gen, this.api, replacement),
        { sinceNano: this.ledger.replaySince(), signal: this.aborter.signal });
      if (gen !== this.generation) { sub.close(); return; }
      replacement.opened(sub.openedAtNano);
      const old = this.subscription;
      this.subscription = sub;
      old?.close();
      this.ledger.switchTo(sub.openedAtNano);
      this.later('stream', this.options.streamCheckMs, () => this.checkStream(gen));
    } catch (err) {
      if (gen === this.generation) this.lost(err);
    }
  }

  /** The stream cannot tell a quiet cluster from a dead peer; a ping on a new connection can. */
  private ping(gen: number): void {
    this.api.ping({ signal: this.aborter.signal }).then(
      () => { if (gen === this.generation) this.later('ping', this.options.pingMs, () => this.ping(gen)); },
      (err: unknown) => { if (gen === this.generation) this.lost(err); });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A resync outside of connecting (manual refresh, a dead stream): if it fails, the data is stale. */
  private resyncNow(gen: number): Promise<void> {
    return this.enqueue(() => this.resync(gen)).catch((err: unknown) => {
      if (gen === this.generation) this.lost(err);
      throw err;
    });
  }

  private async resync(gen: number): Promise<void> {
    if (gen !== this.generation) return;
    this.counters.resync();
    // The full listing covers what was due; events arriving while it runs are due again after it.
    this.due = undefined;
    await this.apply(fullPlan(KINDS), true, gen);
  }

  private async apply(plan: RefreshPlan, resync: boolean, gen: number): Promise<void> {
    const fetched = await fetchPlan(this.api, plan, this.aborter.signal, this.counters, this.tombstones);
    if (gen !== this.generation) return;
    const changes = writePlan(this.cache, plan, fetched);
    if (changes.length > 0 || resync) this.changes.fire({ changes, resync });
    if (!resync && this.state.status === 'live') this.schedulePoll(false);
  }
}
