import assert from 'node:assert/strict';
import { toEngineEvent, JsonLineSplitter } from '../../src/docker/eventStream';
import { planRefresh, type EngineEvent, type Scope } from '../../src/domain/events';
import { fixtureList } from '../support/fixtures';

const captured = fixtureList('events.json').map(toEngineEvent);
const ids = (s: Scope | undefined) => (s && !s.all ? [...s.ids].sort() : s);
const ev = (type: string, action: string, actorId: string, attributes: Record<string, string> = {}, scope = 'swarm'): EngineEvent =>
  ({ type, action, actorId, attributes, scope, timeNano: 0 });

describe('engine events', () => {
  it('parses the captured stream: a scale is one service update with replicas.old/new', () => {
    const scale = captured.find((e) => e.type === 'service');
    assert.ok(scale);
    assert.equal(scale.action, 'update');
    assert.equal(scale.scope, 'swarm');
    assert.equal(scale.attributes['replicas.old'], '2');
    assert.equal(scale.attributes['replicas.new'], '3');
    assert.ok(scale.timeNano > 1e18);
  });

  it('splits JSON lines across arbitrary chunk boundaries and skips torn lines', () => {
    const text = '{"Type":"node","Action":"update"}\n{"Type":"service",' + '"Action":"create"}\nnot json\n{"Type":"x"';
    const s = new JsonLineSplitter();
    const got = [...text].flatMap((ch) => s.push(ch));
    assert.deepEqual(got, [{ Type: 'node', Action: 'update' }, { Type: 'service', Action: 'create' }]);
    assert.deepEqual(s.push('}\n'), [{ Type: 'x' }]);
  });

  it('plans the captured burst: fetch the service and its tasks, the node and all tasks, drop the secret', () => {
    const plan = planRefresh(captured, { maxIds: 20 });
    const service = captured.find((e) => e.type === 'service');
    const node = captured.find((e) => e.type === 'node');
    assert.deepEqual(ids(plan.fetch.get('service')), [service?.actorId]);
    assert.deepEqual(ids(plan.fetch.get('node')), [node?.actorId]);
    assert.deepEqual(plan.fetch.get('task'), { all: true }, 'a node change can move any task');
    const secretIds = captured.filter((e) => e.type === 'secret').map((e) => e.actorId);
    assert.deepEqual([...plan.removed.get('secret') ?? []], [secretIds[1]]);
    assert.deepEqual(ids(plan.fetch.get('secret')), [secretIds[0]], 'created then removed: fetched, and absent, so removed');
  });

  it('coalesces many events of one object into one fetch, and many objects into one list', () => {
    const same = Array.from({ length: 50 }, () => ev('service', 'update', 'svc1'));
    assert.deepEqual(ids(planRefresh(same, { maxIds: 20 }).fetch.get('service')), ['svc1']);
    const many = Array.from({ length: 30 }, (_, i) => ev('config', 'create', `c${i}`));
    assert.deepEqual(planRefresh(many, { maxIds: 20 }).fetch.get('config'), { all: true });
  });

  it('container events refresh the tasks of their service only; local networks and exec are ignored', () => {
    const plan = planRefresh([
      ev('container', 'die', 'c1', { 'com.docker.swarm.service.id': 'svcA' }, 'local'),
      ev('container', 'exec_start: sh', 'c1', { 'com.docker.swarm.service.id': 'svcB' }, 'local'),
      ev('container', 'start', 'c2', {}, 'local'),
      ev('network', 'connect', 'n1', {}, 'local'),
    ], { maxIds: 20 });
    assert.deepEqual(ids(plan.fetch.get('task')), ['svcA']);
    assert.equal(plan.fetch.get('network'), undefined);
  });

  it('a removed service is dropped, not fetched', () => {
    const plan = planRefresh([ev('service', 'remove', 's9')], { maxIds: 20 });
    assert.deepEqual([...plan.removed.get('service') ?? []], ['s9']);
    assert.equal(plan.fetch.get('service'), undefined);
    assert.equal(plan.fetch.get('task'), undefined);
  });
});
