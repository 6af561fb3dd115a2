// The operator's informer: one list call per kind fills the cache, the Engine event stream keeps it
// current (bursts coalesced into one plan), tasks are re-listed on a fast/slow period because task
// changes on other nodes never reach a manager's stream, and a lost stream means: mark stale,
// reconnect with backoff, resync by listing again.
import { backoffMs } from '../domain/backoff';
import { isConverging } from '../domain/convergence';
import { Emitter, type Disposable } from '../domain/emitter';
import { classifyError, infoProblem, type SwarmError } from '../domain/errors';
import { isEmptyPlan, planRefresh, type EngineEvent, type RefreshPlan } from '../domain/events';
import { KINDS, type Kind, type ObjectOfKind, type Task } from '../domain/model';
import { isEmptyChange, ObjectCache } from './objectCache';
import { StatsCounter } from './stats';
import { TaskIndex } from './taskIndex';
import type { EventSubscription, SwarmApi } from './swarmApi';
import type { ChangeBatch, ClusterView, ConnectionState, KindChange, StoreStats } from './types';

export interface StoreOptions {
  readonly fastTaskPollMs: number;
  readonly slowTaskPollMs: number;
  /** How long events are gathered before one refresh plan runs. */
  readonly coalesceMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** Past this many ids of one kind in a burst, list the whole kind. */
  readonly maxIdsPerCall: number;
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = {
  fastTaskPollMs: 2_000, slowTaskPollMs: 30_000, coalesceMs: 100, backoffBaseMs: 250, backoffMaxMs: 8_000, maxIdsPerCall: 20,
};

/** A SwarmError raised on purpose (e.g. the engine is a worker), not classified from a socket error. */
class SwarmProblem extends Error {
  constructor(readonly problem: SwarmError) { super(problem.message); }
}

export class ClusterStore implements ClusterView {
  private readonly cache = new ObjectCache();
  private readonly changes = new Emitter<ChangeBatch>();
  private readonly connections = new Emitter<ConnectionState>();
  private readonly counters = new StatsCounter();
  private options: StoreOptions;
  private state: ConnectionState = { status: 'stopped' };
  private subscription: EventSubscription | undefined;
  private generation = 0;
  private attempt = 0;
  private pending: EngineEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private pollPeriod = 0;
  /** Holders of watch(), and the extra kinds each holds. */
  private readonly watchers = new Set<readonly Kind[]>();
  /** Serialises every cache mutation so responses apply in the order they were asked for. */
  private queue: Promise<unknown> = Promise.resolve();

  readonly onDidChange = this.changes.event;
  readonly onDidChangeConnection = this.connections.event;

  private readonly taskIndex = new TaskIndex((id) => this.cache.get('task', id), () => this.cache.all('task'));

  constructor(private readonly api: SwarmApi, options: Partial<StoreOptions> = {}) {
    this.options = { ...DEFAULT_STORE_OPTIONS, ...options };
    // The first listener: the index is current before any view hears of a batch.
    this.changes.event((batch) => this.taskIndex.apply(batch));
  }

  tasksOfService(serviceId: string): readonly Task[] { return this.taskIndex.tasksOfService(serviceId); }
  tasksOfNode(nodeId: string): readonly Task[] { return this.taskIndex.tasksOfNode(nodeId); }

  get endpointLabel(): string { return this.api.endpointLabel; }
  get connection(): ConnectionState { return this.state; }
  get stale(): boolean { return this.state.status === 'stale'; }
  get stats(): StoreStats { return this.counters.snapshot(); }

  all<K extends Kind>(kind: K): readonly ObjectOfKind[K][] { return this.cache.all(kind); }
  get<K extends Kind>(kind: K, id: string): ObjectOfKind[K] | undefined { return this.cache.get(kind, id); }

  start(): void {
    if (this.state.status !== 'stopped') return;
    void this.connect();
  }

  updateOptions(options: Partial<StoreOptions>): void {
    this.options = { ...this.options, ...options };
    if (this.state.status === 'live') this.schedulePoll(true);
  }

  async refresh(): Promise<void> {
    if (this.state.status !== 'live') {
      clearTimeout(this.retryTimer);
      await this.connect();
      if (this.state.status === 'stale') throw new SwarmProblem(this.state.error);
      return;
    }
    await this.enqueue(() => this.resync());
  }

  watch(kinds: readonly Exclude<Kind, 'task'>[] = []): Disposable {
    const hold: readonly Kind[] = [...kinds];
    this.watchers.add(hold);
    if (this.state.status === 'live') this.schedulePoll(false);
    return { dispose: () => { this.watchers.delete(hold); } };
  }

  dispose(): void {
    this.generation++;
    this.closeStream();
    for (const t of [this.flushTimer, this.retryTimer, this.pollTimer]) clearTimeout(t);
    this.setState({ status: 'stopped' });
    this.changes.dispose();
    this.connections.dispose();
  }

  // ---- connection lifecycle ----

  private async connect(): Promise<void> {
    const gen = ++this.generation;
    this.closeStream();
    if (this.state.status !== 'stale') this.setState({ status: 'connecting' });
    try {
      const info = await this.api.info();
      const problem = infoProblem(info, this.api.endpointLabel);
      if (problem) throw new SwarmProblem(problem);
      const sub = await this.api.subscribeEvents({
        onEvent: (e) => { if (gen === this.generation) this.onEvent(e); },
        onEnd: (err) => { if (gen === this.generation) this.lost(err ?? Object.assign(new Error('the event stream ended'), { code: 'ECONNRESET' })); },
      });
      if (gen !== this.generation) { sub.close(); return; }
      this.subscription = sub;
      // Subscribe first, then list: nothing that happens in between is missed.
      await this.enqueue(() => this.resync());
      if (gen !== this.generation) return;
      if (this.attempt > 0) this.counters.reconnected();
      this.attempt = 0;
      this.setState({ status: 'live', info });
      this.schedulePoll(true);
    } catch (err) {
      if (gen === this.generation) this.lost(err);
    }
  }

  /** The stream or a call failed: keep the data, mark it stale, retry with backoff. */
  private lost(err: unknown): void {
    this.generation++;
    this.closeStream();
    clearTimeout(this.pollTimer);
    clearTimeout(this.retryTimer);
    const error = err instanceof SwarmProblem ? err.problem : classifyError(err, this.api.endpointLabel);
    const retryInMs = backoffMs(this.attempt++, { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs });
    this.setState({ status: 'stale', error, retryInMs, since: Date.now() });
    this.retryTimer = setTimeout(() => { void this.connect(); }, retryInMs);
  }

  private closeStream(): void {
    const sub = this.subscription;
    this.subscription = undefined;
    sub?.close();
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.connections.fire(state);
  }

  // ---- keeping current ----

  private onEvent(event: EngineEvent): void {
    this.counters.event();
    this.pending.push(event);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const plan = planRefresh(this.pending.splice(0), { maxIds: this.options.maxIdsPerCall });
      if (!isEmptyPlan(plan)) void this.enqueue(() => this.apply(plan, false)).catch(() => undefined);
    }, this.options.coalesceMs);
  }

  private schedulePoll(reset: boolean): void {
    const converging = this.watchers.size > 0 || isConverging(this.cache.all('service'), this.cache.all('task'));
    const period = converging ? this.options.fastTaskPollMs : this.options.slowTaskPollMs;
    if (!reset && period === this.pollPeriod && this.pollTimer) return;
    clearTimeout(this.pollTimer);
    this.pollPeriod = period;
    const gen = this.generation;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      const watched = new Set<Kind>(['task', ...[...this.watchers].flat()]);
      const plan: RefreshPlan = { fetch: new Map([...watched].map((k) => [k, { all: true }])), removed: new Map() };
      this.enqueue(() => this.apply(plan, false))
        .then(() => { if (gen === this.generation) this.schedulePoll(true); })
        // A failing poll also detects a dead connection that never closed its stream.
        .catch((err) => { if (gen === this.generation) this.lost(err); });
    }, period);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async resync(): Promise<void> {
    this.counters.resync();
    const all: RefreshPlan = { fetch: new Map(KINDS.map((k) => [k, { all: true }])), removed: new Map() };
    await this.apply(all, true);
  }

  private async apply(plan: RefreshPlan, resync: boolean): Promise<void> {
    const changes: KindChange[] = [];
    for (const [kind, ids] of plan.removed) {
      changes.push(this.cache.removeWhere(kind, (o) => ids.has(o.id)));
      if (kind === 'service') changes.push(this.cache.removeWhere('task', (t) => ids.has(t.serviceId)));
    }
    const fetched = await Promise.all([...plan.fetch].map(async ([kind, scope]) => {
      if (scope.all) {
        this.counters.list(kind, true);
        return this.cache.replaceAll(kind, await this.api.list(kind));
      }
      this.counters.list(kind, false);
      const ids = scope.ids;
      if (kind === 'task') {
        const tasks = await this.api.list('task', { serviceIds: [...ids] });
        return this.cache.replaceWhere('task', (t) => ids.has(t.serviceId), tasks.filter((t) => ids.has(t.serviceId)));
      }
      const items = (await this.api.list(kind, { ids: [...ids] })).filter((o) => ids.has(o.id));
      return this.cache.replaceWhere(kind, (o) => ids.has(o.id), items);
    }));
    const nonEmpty = [...changes, ...fetched].filter((c) => !isEmptyChange(c));
    if (nonEmpty.length > 0 || resync) this.changes.fire({ changes: nonEmpty, resync });
    if (!resync && this.state.status === 'live') this.schedulePoll(false);
  }
}
