// Initialize and Unlock on a real engine: a lone dockerd taken out of its swarm is initialized by the
// operation (and the docker CLI then sees a swarm with this engine as its leader); with autolock
// turned on by the CLI and the daemon restarted, the store reports the swarm locked, a wrong key is
// the Engine's refusal (still locked), and the key `docker swarm unlock-key` prints unlocks it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { engineMessage } from '../../src/domain/errors';
import { explainEngineError } from '../../src/domain/refusals';
import { initSwarm, DEFAULT_LISTEN_ADDR } from '../../src/operations/swarm/init';
import { unlockSwarm } from '../../src/operations/swarm/unlock';
import { waitFor } from '../support/engine';
import { labs, type Lab } from '../support/lab';
import { labOperations, refusal, runOperation, type LabOperations } from '../support/operations';

const DOCKER = '/usr/local/bin/docker';

describe('initialize and unlock a swarm on a real engine', function () {
  this.timeout(240_000);
  let lab: Lab;
  let ops: LabOperations | undefined;
  const cli = (...args: string[]): string => execFileSync(DOCKER, ['-H', lab.host, ...args], { encoding: 'utf8' }).trim();
  const swarmState = (): string => cli('info', '--format', '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}');

  before(function () {
    lab = labs.get({ managers: 1, workers: 0 });
    if (!lab.controllable) this.skip();  // it restarts the daemon
    cli('swarm', 'leave', '--force');
  });
  afterEach(() => { ops?.dispose(); ops = undefined; });
  after(() => {
    // Leave the lab as it was found: a one-manager swarm without autolock.
    const state = swarmState().split(' ')[0];
    if (state === 'active') { cli('swarm', 'update', '--autolock=false'); return; }
    if (state === 'locked') cli('swarm', 'leave', '--force');
    cli('swarm', 'init');
  });

  it('Initialize: the engine becomes the first manager and leader of a new swarm', async () => {
    assert.equal(swarmState(), 'inactive false');
    ops = await labOperations(lab.host, { anyState: true });
    await waitFor('the store to say "not in a swarm"', () => ops?.store.connection.status === 'stale', 30_000);
    const { outcome } = await runOperation(initSwarm(ops.ctx, { listenAddr: DEFAULT_LISTEN_ADDR }));
    assert.match(outcome.message, /first manager/);
    assert.equal(swarmState(), 'active true');
    assert.ok(ops.log.has('$ docker swarm init'), ops.log.text());
    await waitFor('the store live on the new swarm', () => ops?.store.connection.status === 'live', 30_000);
    const node = ops.store.all('node')[0];
    assert.equal(node?.managerStatus?.leader, true);
    assert.match(await refusal(initSwarm(ops.ctx, { listenAddr: DEFAULT_LISTEN_ADDR })), /already/);
  });

  it('Unlock: a locked manager after a restart, a wrong key refused by the Engine, the right one unlocks', async () => {
    cli('swarm', 'update', '--autolock=true');
    const key = cli('swarm', 'unlock-key', '-q');
    lab.stopNode(1);
    lab.startNode(1);
    assert.equal(swarmState().split(' ')[0], 'locked');
    ops = await labOperations(lab.host, { anyState: true });
    const locked = (): boolean => { const c = ops?.store.connection; return c?.status === 'stale' && c.error.kind === 'locked'; };
    await waitFor('the store to say "locked"', locked, 30_000);

    const wrong = `SWMKEY-1-${'A'.repeat(43)}`;
    const refused = await runOperation(unlockSwarm(ops.ctx, wrong)).then(() => assert.fail('a wrong key unlocked'), (e: unknown) => e);
    assert.match(engineMessage(refused), /swarm could not be unlocked: invalid key provided/);
    assert.match(explainEngineError(refused, lab.host).meaning, /unlock key does not match/, 'the user is told what the refusal means');
    assert.equal(swarmState().split(' ')[0], 'locked', 'a wrong key leaves it locked');

    const { outcome } = await runOperation(unlockSwarm(ops.ctx, key));
    assert.match(outcome.message, /unlocked/);
    assert.equal(swarmState(), 'active true');
    assert.ok(!ops.log.text().includes(key), 'the key is never logged');
    await waitFor('the store live again', () => ops?.store.connection.status === 'live', 30_000);
  });
});
