// A SwarmApi over fixture data (captured from a real engine) for unit tests of the store's logic:
// the test controls the data, the event stream and the faults (a daemon down, calls that hang until
// their deadline, calls that fail, a stream that dies at once or goes silent). It keeps the port's
// contract as the Docker adapter does: a hung call rejects at `deadlineMs` with ETIMEDOUT, an
// aborted one at once. Integration tests use the real engine.
import type { EngineEvent } from '../../src/domain/events';
import type { Kind, ObjectOfKind, SwarmInfo } from '../../src/domain/model';
import { MAPPERS, toSwarmInfo } from '../../src/docker/mappers';
import type { CallOptions, EventHandlers, EventSubscription, ListOptions, Ping, SubscribeOptions, SwarmApi } from '../../src/store/swarmApi';
import { fixture, fixtureList } from './fixtures';

type Fault = Error & { code?: string };

export const refused = (label = '/fake.sock'): Fault => Object.assign(new Error(`connect ECONNREFUSED ${label}`), { code: 'ECONNREFUSED' });

export class FakeApi implements SwarmApi {
  data: { [K in Kind]: ObjectOfKind[K][] } = {
    node: fixtureList('nodes.json').map(MAPPERS.node),
    service: fixtureList('services.json').map(MAPPERS.service),
    task: fixtureList('tasks.json').map(MAPPERS.task),
    secret: fixtureList('secrets.json').map(MAPPERS.secret),
    config: fixtureList('configs.json').map(MAPPERS.config),
    network: fixtureList('networks.json').map(MAPPERS.network),
  };
  infoValue: SwarmInfo = toSwarmInfo(fixture('info-manager.json'));
  /** When set, every call fails with it (the daemon is "down"). */
  failWith: Fault | undefined;
  /** Calls (as named in `calls`, e.g. `list task`, `info`) that hang until their deadline or abort. */
  hang: (call: string) => boolean = () => false;
  /** The next calls matching fail once each, in order. */
  failures: { match: (call: string) => boolean; error: Fault }[] = [];
  /** The stream ends right after it is established (a flapping connection). */
  streamEndsAtOnce = false;
  /** The adapter's deadline for a hung call. */
  deadlineMs = 60_000;
  calls: string[] = [];
  private streams = new Set<EventHandlers>();
  private log: EngineEvent[] = [];
  private pendingTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(readonly endpointLabel = 'unix:///fake.sock') {}

  /** The handlers of the newest live stream. */
  get handlers(): EventHandlers | undefined { return [...this.streams].at(-1); }
  get openStreams(): number { return this.streams.size; }

  private async enter(call: string, signal?: AbortSignal): Promise<void> {
    this.calls.push(call);
    if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    if (this.failWith) throw this.failWith;
    const i = this.failures.findIndex((f) => f.match(call));
    if (i >= 0) { const [f] = this.failures.splice(i, 1); if (f) throw f.error; }
    if (!this.hang(call)) return;
    await new Promise<void>((_, reject) => {
      const timer = setTimeout(() => {
        this.pendingTimers.delete(timer);
        reject(Object.assign(new Error(`${call} on ${this.endpointLabel} did not answer within ${this.deadlineMs} ms`), { code: 'ETIMEDOUT', name: 'EngineTimeout' }));
      }, this.deadlineMs);
      this.pendingTimers.add(timer);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        this.pendingTimers.delete(timer);
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      }, { once: true });
    });
  }

  async ping(options: CallOptions = {}): Promise<Ping> {
    await this.enter('ping', options.signal);
    return { apiVersion: '1.41' };
  }

  async info(options: CallOptions = {}): Promise<SwarmInfo> {
    await this.enter('info', options.signal);
    return this.infoValue;
  }

  async list<K extends Kind>(kind: K, options: ListOptions = {}): Promise<ObjectOfKind[K][]> {
    const call = `list ${kind}${options.ids ? ` ids=${options.ids.join(',')}` : ''}${options.serviceIds ? ` services=${options.serviceIds.join(',')}` : ''}`;
    await this.enter(call, options.signal);
    let items: ObjectOfKind[K][] = this.data[kind];
    if (options.ids) items = items.filter((o) => options.ids?.includes(o.id));
    if (options.serviceIds) items = items.filter((o) => 'serviceId' in o && options.serviceIds?.includes(o.serviceId));
    return items;
  }

  async subscribeEvents(handlers: EventHandlers, options: SubscribeOptions = {}): Promise<EventSubscription> {
    await this.enter(options.sinceNano === undefined ? 'events' : 'events since', options.signal);
    this.streams.add(handlers);
    const since = options.sinceNano;
    if (since !== undefined) {
      // The daemon replays its log from `since`, after the response (as a real stream does).
      const replay = this.log.filter((e) => e.timeNano >= since);
      setImmediate(() => { for (const e of replay) if (this.streams.has(handlers)) handlers.onEvent(e); });
    }
    if (this.streamEndsAtOnce) setImmediate(() => { if (this.streams.delete(handlers)) handlers.onEnd(); });
    return { openedAtNano: Math.floor(Date.now() / 1000) * 1e9, close: () => { this.streams.delete(handlers); } };
  }

  /** An event happens on the daemon: logged (for replays) and delivered on every live stream. */
  emit(event: Partial<EngineEvent> & Pick<EngineEvent, 'type' | 'action' | 'actorId'>): void {
    // Distinct times a float can tell apart (ns since the epoch are past 2^53: a step is 256 ns).
    const e: EngineEvent = { attributes: {}, scope: 'swarm', timeNano: Date.now() * 1e6 + (this.log.length % 1000) * 1000, ...event };
    this.log.push(e);
    for (const h of [...this.streams]) h.onEvent(e);
  }

  /** The daemon goes away: the streams end and calls fail until `up()`. */
  down(): void {
    this.failWith = refused();
    const streams = [...this.streams];
    this.streams.clear();
    for (const h of streams) h.onEnd();
  }

  up(): void { this.failWith = undefined; }

  /** The stream's connection goes silent (a vanished peer, a middlebox): no events, no end. */
  cutStreams(): void { this.streams.clear(); }

  dispose(): void {
    for (const t of this.pendingTimers) clearTimeout(t);
    this.pendingTimers.clear();
  }
}

export const until = async (what: string, check: () => boolean, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
