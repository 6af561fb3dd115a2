// A SwarmApi over fixture data (captured from a real engine) for unit tests of the store's logic:
// the test controls the data, the event stream and failures. Integration tests use the real engine.
import type { EngineEvent } from '../../src/domain/events';
import type { Kind, ObjectOfKind, SwarmInfo } from '../../src/domain/model';
import { MAPPERS, toSwarmInfo } from '../../src/docker/mappers';
import type { EventHandlers, EventSubscription, ListOptions, SwarmApi } from '../../src/store/swarmApi';
import { fixture, fixtureList } from './fixtures';

export class FakeApi implements SwarmApi {
  readonly endpointLabel = 'unix:///fake.sock';
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
  failWith: (Error & { code?: string }) | undefined;
  calls: string[] = [];
  handlers: EventHandlers | undefined;

  async info(): Promise<SwarmInfo> {
    this.calls.push('info');
    if (this.failWith) throw this.failWith;
    return this.infoValue;
  }

  async list<K extends Kind>(kind: K, options: ListOptions = {}): Promise<ObjectOfKind[K][]> {
    this.calls.push(`list ${kind}${options.ids ? ` ids=${options.ids.join(',')}` : ''}${options.serviceIds ? ` services=${options.serviceIds.join(',')}` : ''}`);
    if (this.failWith) throw this.failWith;
    let items: ObjectOfKind[K][] = this.data[kind];
    if (options.ids) items = items.filter((o) => options.ids?.includes(o.id));
    if (options.serviceIds) items = items.filter((o) => 'serviceId' in o && options.serviceIds?.includes(o.serviceId));
    return items;
  }

  async subscribeEvents(handlers: EventHandlers): Promise<EventSubscription> {
    this.calls.push('events');
    if (this.failWith) throw this.failWith;
    this.handlers = handlers;
    return { close: () => { if (this.handlers === handlers) this.handlers = undefined; } };
  }

  emit(event: Partial<EngineEvent> & Pick<EngineEvent, 'type' | 'action' | 'actorId'>): void {
    this.handlers?.onEvent({ attributes: {}, scope: 'swarm', timeNano: Date.now() * 1e6, ...event });
  }

  /** The daemon goes away: the stream ends and calls fail until `up()`. */
  down(): void {
    this.failWith = Object.assign(new Error('connect ECONNREFUSED /fake.sock'), { code: 'ECONNREFUSED' });
    const h = this.handlers;
    this.handlers = undefined;
    h?.onEnd();
  }

  up(): void { this.failWith = undefined; }
}

export const until = async (what: string, check: () => boolean, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
