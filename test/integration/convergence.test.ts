// The docker CLI's convergence rule (src/domain/progress) against its two oracles on a real swarm:
// the Engine's own `_up-to-date` task filter, and the docker CLI 28 itself, which returns from
// `service scale/update` only once the service converged (or fails when the update paused).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import type { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { activeNodeIds, serviceProgress } from '../../src/domain/progress/serviceProgress';
import { ConvergenceVerifier } from '../../src/domain/progress/verifier';
import { apiFor, dockerFor, removeTestServices } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker'; // the docker CLI 28 of the machine image, not Debian's 20.10

describe('convergence as the docker CLI decides it', function () {
  this.timeout(120_000);
  let lab: Lab;
  let docker: Docker;
  let api: DockerSwarmApi;

  const cli = (...args: string[]) => run(DOCKER, ['-H', lab.host, ...args], { encoding: 'utf8' });

  async function progressNow(name: string) {
    const service = (await api.list('service')).find((s) => s.name === name);
    assert.ok(service, `service ${name} exists`);
    const [tasks, nodes] = await Promise.all([api.list('task', { serviceIds: [service.id] }), api.list('node')]);
    return { service, tasks, progress: serviceProgress(service, tasks, activeNodeIds(nodes)) };
  }

  before(async function () {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    api = apiFor(lab.host);
    await removeTestServices(docker);
  });
  after(async () => { if (docker) await removeTestServices(docker); });

  it('a task is up to date exactly when the Engine\'s _up-to-date filter says so, across update, rollback and force', async function () {
    await cli('service', 'create', '--detach', '--name', 'it-utd', '--label', 'swarm-operator.test=1', '--replicas', '2', '--init',
      '--no-resolve-image', '--update-delay', '0s', '--update-parallelism', '2', 'local/busybox:1', 'sleep', '1000000');
    const steps: string[][] = [
      ['service', 'update', '--image', 'local/busybox:2', '--limit-cpu', '0.5', '--constraint-add', 'node.role==worker', '--no-resolve-image'],
      ['service', 'rollback'],
      ['service', 'update', '--force'],
    ];
    for (const step of [[], ...steps]) {
      if (step.length > 0) await cli(...step, '--detach', 'it-utd');
      // Sample several times while the change rolls: every listing must agree task by task.
      for (let i = 0; i < 4; i++) {
        const { service, tasks } = await progressNow('it-utd');
        const engine = new Set((await docker.listTasks({ filters: JSON.stringify({ service: [service.id], '_up-to-date': ['true'] }) }) as { ID: string }[]).map((t) => t.ID));
        for (const t of tasks) {
          // A task listed in between the two calls may be missing from one of them.
          if (!engine.has(t.id) && t.specDigest === service.taskSpecDigest) {
            const again = await api.list('task', { ids: [t.id] });
            assert.ok(again.length === 0 || again[0]?.specDigest !== service.taskSpecDigest, `task ${t.id} (${step.join(' ') || 'create'})`);
          }
          if (engine.has(t.id)) assert.equal(t.specDigest, service.taskSpecDigest, `task ${t.id} is up to date for the Engine (${step.join(' ') || 'create'})`);
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  });

  it('when `docker service scale` returns, the rule says converged; right after the scale call it does not', async function () {
    await cli('service', 'create', '--detach', '--name', 'it-conv', '--label', 'swarm-operator.test=1', '--replicas', '1', '--init',
      '--no-resolve-image', '--update-monitor', '1s', 'local/busybox:1', 'sleep', '1000000');
    await cli('service', 'scale', 'it-conv=1'); // converged start
    const scaling = cli('service', 'scale', 'it-conv=4'); // the CLI waits for convergence (and `monitor`)
    let sawUnconverged = false;
    const verifier = new ConvergenceVerifier();
    let verdicts = '';
    const watch = (async () => {
      for (let i = 0; i < 200; i++) {
        const { service, progress } = await progressNow('it-conv');
        if (service.mode.kind === 'replicated' && service.mode.replicas === 4) {
          if (!progress.converged) sawUnconverged = true;
          verdicts = verifier.observe(service, progress, Date.now()).state;
          if (verdicts === 'converged') return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await scaling;
    const after = await progressNow('it-conv');
    assert.equal(after.progress.converged, true, 'converged when the CLI says so');
    assert.equal(after.progress.done, 4);
    assert.equal(after.progress.units.length, 4);
    await watch;
    assert.ok(sawUnconverged, 'the rule saw the service converging first');
    assert.equal(verdicts, 'converged');
  });

  it('a failing update with failure_action pause: the CLI fails with "service update paused", and so does the verifier', async function () {
    await cli('service', 'update', '--detach', '--update-failure-action', 'pause', '--update-parallelism', '1', '--update-monitor', '2s', 'it-conv');
    const failing = await cli('service', 'update', '--image', 'local/busybox:fail', '--no-resolve-image', 'it-conv').then(
      () => undefined, (e: { stderr?: string }) => e.stderr ?? String(e));
    assert.ok(failing !== undefined, 'the CLI failed');
    assert.match(failing, /service update paused/);
    const { service, progress } = await progressNow('it-conv');
    const verdict = new ConvergenceVerifier().observe(service, progress, Date.now());
    assert.equal(verdict.state, 'paused');
    assert.ok(verdict.state === 'paused' && failing.includes(verdict.message.split(':')[0] ?? 'x'));
  });
});
