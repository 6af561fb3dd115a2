// Engine JSON read tolerantly: engines 20.10 to 28 add fields, drop some, and leave empty ones out.
// Every captured fixture, with each field in turn removed, set to null, or given another type, and
// with fields of newer API versions added, still maps to a well-typed object — never a throw.
import assert from 'node:assert/strict';
import { MAPPERS, toSwarmInfo } from '../../src/docker/mappers';
import { KINDS, type Kind } from '../../src/domain/model';
import { fixture, fixtureList } from '../support/fixtures';

const FILES: Readonly<Record<Kind, string>> = {
  node: 'nodes.json', service: 'services.json', task: 'tasks.json', secret: 'secrets.json', config: 'configs.json', network: 'networks.json',
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v`. */
function paths(v: Json, prefix: string[] = []): string[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
  return [prefix, ...keys.flatMap((k) => paths((v as Record<string, Json>)[k] as Json, [...prefix, k]))];
}

function edit(v: Json, path: string[], change: (parent: Record<string, Json>, key: string) => void): Json {
  const copy = JSON.parse(JSON.stringify(v)) as Json;
  let cur = copy as Record<string, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, Json>;
  const last = path.at(-1);
  if (last !== undefined) change(cur, last);
  return copy;
}

/** The shape every mapped object keeps, whatever the input. */
function assertShape(o: Record<string, unknown>): void {
  assert.equal(typeof o['id'], 'string');
  assert.equal(typeof o['version'], 'number');
  assert.ok(Number.isFinite(o['version']));
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) assert.ok(v.every((x) => typeof x === 'string' || typeof x === 'object'), k);
  }
}

describe('Engine JSON read tolerantly', () => {
  for (const kind of KINDS) {
    it(`${kind}: every field removed, nulled or mistyped in turn still maps`, () => {
      const items = fixtureList(FILES[kind]).slice(0, 2) as Json[];
      let variants = 0;
      for (const item of items) {
        for (const p of paths(item)) {
          if (p.length === 0) continue;
          for (const change of [
            (o: Record<string, Json>, k: string) => { delete o[k]; },
            (o: Record<string, Json>, k: string) => { o[k] = null; },
            (o: Record<string, Json>, k: string) => { o[k] = typeof o[k] === 'string' ? 7 : 'x'; },
          ]) {
            assertShape(MAPPERS[kind](edit(item, p, change)) as unknown as Record<string, unknown>);
            variants++;
          }
        }
      }
      assert.ok(variants > 20, `${variants} variants`);
    });
  }

  it('fields of newer engines are ignored; /info without a Swarm section reads as not in a swarm', () => {
    const svc = fixtureList('services.json')[0] as Record<string, Json>;
    const newer = { ...svc, JobStatus: { JobIteration: { Index: 3 } }, Spec: { ...(svc['Spec'] as Record<string, Json>), TaskTemplate: { ContainerSpec: { Image: 'x', OomScoreAdj: 0, Ulimits: [] } } } };
    assertShape(MAPPERS.service(newer) as unknown as Record<string, unknown>);
    assert.equal(MAPPERS.service(newer).image, 'x');
    const info = toSwarmInfo({ ...(fixture('info-manager.json') as Record<string, Json>), Swarm: null });
    assert.equal(info.localNodeState, 'inactive');
    assert.equal(toSwarmInfo('not an object').clusterId, '');
  });
});
