// A big swarm made by multiplying Engine responses captured from the lab (test/fixtures): N nodes,
// S services, T tasks, as the Engine's JSON text (so that decoding is measured apart), and a
// SwarmApi that answers with it. Kept for the tree benchmark (scripts/bench/tree-scale.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Kind, ObjectOfKind, SwarmInfo } from '../../src/domain/model';
import { MAPPERS, toSwarmInfo } from '../../src/docker/mappers';
import type { EventHandlers, EventSubscription, Ping, SwarmApi } from '../../src/store/swarmApi';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const list = (name: string): Record<string, unknown>[] => read(name) as Record<string, unknown>[];

export interface Size { readonly nodes: number; readonly services: number; readonly tasks: number }

const id = (prefix: string, i: number): string => `${prefix}${i.toString(36).padStart(24, '0')}`.slice(0, 25);

/** The Engine's answers for a swarm of `size`, as JSON text per kind. */
export function bigClusterJson(size: Size): Record<Kind, string> {
  const [nodeT] = list('nodes.json');
  const serviceT = list('services.json').find((s) => 'Replicated' in ((s['Spec'] as Record<string, unknown>)['Mode'] as object));
  const taskT = list('tasks.json').find((t) => (t['Status'] as Record<string, unknown>)['State'] === 'running');
  if (!nodeT || !serviceT || !taskT) throw new Error('fixtures lack a node, a replicated service or a running task');
  const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  const nodes = Array.from({ length: size.nodes }, (_, i) => {
    const n = clone(nodeT) as Record<string, Record<string, unknown>>;
    n['ID'] = id('n', i) as never;
    (n['Description'] as Record<string, unknown>)['Hostname'] = `node${i + 1}`;
    if (i > 0) { delete n['ManagerStatus']; (n['Spec'] as Record<string, unknown>)['Role'] = 'worker'; }
    return n;
  });
  const perService = Math.ceil(size.tasks / size.services);
  const services = Array.from({ length: size.services }, (_, i) => {
    const s = clone(serviceT) as Record<string, Record<string, unknown>>;
    s['ID'] = id('s', i) as never;
    s['Spec']['Name'] = `svc-${i}`;
    s['Spec']['Mode'] = { Replicated: { Replicas: perService } };
    return s;
  });
  const tasks = Array.from({ length: size.tasks }, (_, i) => {
    const t = clone(taskT) as Record<string, unknown>;
    t['ID'] = id('t', i);
    t['ServiceID'] = id('s', Math.floor(i / perService));
    t['NodeID'] = id('n', i % size.nodes);
    t['Slot'] = (i % perService) + 1;
    return t;
  });
  const json = (v: unknown): string => JSON.stringify(v);
  return {
    node: json(nodes), service: json(services), task: json(tasks),
    secret: json(read('secrets.json')), config: json(read('configs.json')), network: json(read('networks.json')),
  };
}

/** A SwarmApi answering from already decoded responses (decoding is timed by the caller). */
export class BigClusterApi implements SwarmApi {
  readonly endpointLabel = 'unix:///big-cluster.sock';
  constructor(private readonly raw: Readonly<Record<Kind, readonly unknown[]>>) {}

  async ping(): Promise<Ping> {
    return { apiVersion: '1.41' };
  }

  async info(): Promise<SwarmInfo> {
    return toSwarmInfo({ ...(read('info-manager.json') as object), Swarm: { ...((read('info-manager.json') as Record<string, object>)['Swarm']), Nodes: this.raw.node.length } });
  }

  async list<K extends Kind>(kind: K): Promise<ObjectOfKind[K][]> {
    return this.raw[kind].map((r) => MAPPERS[kind](r));
  }

  async subscribeEvents(_handlers: EventHandlers): Promise<EventSubscription> {
    return { openedAtNano: Date.now() * 1e6, close: () => undefined };
  }
}
