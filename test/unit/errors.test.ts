import assert from 'node:assert/strict';
import { classifyError, infoProblem } from '../../src/domain/errors';
import { toSwarmInfo } from '../../src/docker/mappers';
import { fixture } from '../support/fixtures';

const EP = 'unix:///var/run/docker.sock';
const engine = (statusCode: number, message: string) => Object.assign(new Error(`(HTTP code ${statusCode}) ${message}`), { statusCode, json: { message } });

describe('classifyError', () => {
  it('daemon not reachable: names the endpoint and the socket error', () => {
    for (const code of ['ECONNREFUSED', 'ENOENT']) {
      const e = classifyError(Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code }), EP);
      assert.equal(e.kind, 'unreachable');
      assert.ok(e.message.includes(EP) && e.message.includes(code));
      assert.match(e.hint, /Start Docker|swarm\.dockerHost/);
    }
  });

  it('permission denied on the socket', () => {
    const e = classifyError(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }), EP);
    assert.equal(e.kind, 'permission');
    assert.ok(e.message.includes(EP));
    assert.match(e.hint, /docker" group/);
  });

  it('a locked swarm, but not a wrong unlock key (texts dockerd 20.10 sent on the lab)', () => {
    const locked = classifyError(engine(503, 'Swarm is encrypted and needs to be unlocked before it can be used. Please use "docker swarm unlock" to unlock it.'), EP);
    assert.equal(locked.kind, 'locked');
    const wrongKey = classifyError(engine(401, 'swarm could not be unlocked: invalid key provided'), EP);
    assert.equal(wrongKey.kind, 'api', 'the Engine refused a key: the connection is fine');
  });

  it('engine not in swarm mode vs a worker (the two 503 texts dockerd sends)', () => {
    const notSwarm = classifyError(engine(503, 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.'), EP);
    assert.equal(notSwarm.kind, 'not-swarm');
    assert.match(notSwarm.hint, /swarm init/);
    const worker = classifyError(engine(503, "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager."), EP);
    assert.equal(worker.kind, 'worker');
    assert.match(worker.hint, /promote/);
  });

  it('no quorum: says a majority of managers is needed', () => {
    const e = classifyError(engine(500, "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online."), EP);
    assert.equal(e.kind, 'no-quorum');
    assert.match(e.message, /does not have a leader/);
    assert.match(e.message, /majority/);
    assert.match(e.hint, /more than half/);
  });

  it('anything else keeps the engine message and status', () => {
    const e = classifyError(engine(500, 'rpc error: code = Unknown desc = update out of sequence'), EP);
    assert.equal(e.kind, 'api');
    assert.match(e.message, /HTTP 500.*update out of sequence/);
    assert.equal(classifyError('weird', EP).kind, 'api');
    assert.equal(classifyError(undefined, EP).kind, 'api');
  });
});

describe('infoProblem', () => {
  const manager = toSwarmInfo(fixture('info-manager.json'));
  it('a manager of an active swarm has no problem', () => assert.equal(infoProblem(manager, EP), undefined));
  it('a worker (captured /info) cannot serve the cluster', () => {
    assert.equal(infoProblem(toSwarmInfo(fixture('info-worker.json')), EP)?.kind, 'worker');
  });
  it('inactive, locked, pending', () => {
    assert.equal(infoProblem({ ...manager, localNodeState: 'inactive' }, EP)?.kind, 'not-swarm');
    assert.equal(infoProblem({ ...manager, localNodeState: 'locked' }, EP)?.kind, 'locked');
    assert.match(infoProblem({ ...manager, localNodeState: 'pending' }, EP)?.message ?? '', /still joining/);
  });
});
