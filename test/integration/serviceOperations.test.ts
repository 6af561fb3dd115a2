// Service actions on the 3-manager, 2-worker lab, driven as the command runner drives them. The
// Engine and the real docker CLI are the oracles: the spec the guided create sends equals what the
// printed `docker service create …` makes; scale, update, rollback, edit end where the Engine says.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { MAPPERS } from '../../src/docker/mappers';
import { createServiceCommand, type CreateServiceInput } from '../../src/domain/serviceCreate';
import { OperationError } from '../../src/operations/operation';
import type { SwarmWriteApi } from '../../src/operations/ports';
import { createService } from '../../src/operations/service/create';
import { editServiceSpec, parseEdit, readSpecDocument, SpecConflict } from '../../src/operations/service/editSpec';
import { removeService } from '../../src/operations/service/remove';
import { rollbackService } from '../../src/operations/service/rollback';
import { scaleService } from '../../src/operations/service/scale';
import { forceRestartService, updateServiceImage } from '../../src/operations/service/updateImage';
import { splitArgs } from '../../src/domain/validate/serviceInput';
import { dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, OPS, type Lab } from '../support/lab';
import { labOperations, refusal, runOperation, type LabOperations } from '../support/operations';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker';

interface EngineService { ID: string; Version: { Index: number }; Spec: Record<string, unknown> & { Name: string; Labels?: Record<string, string> } }
interface EngineTask { ID: string; DesiredState: string; Status: { State: string } }

describe('service operations', function () {
  this.timeout(180_000);
  let lab: Lab;
  let docker: Docker;
  let ops: LabOperations;

  const inspect = async (name: string): Promise<EngineService> => (await docker.getService(name).inspect()) as EngineService;
  const model = async (name: string) => MAPPERS.service(await inspect(name));
  const running = async (name: string): Promise<EngineTask[]> =>
    ((await docker.listTasks({ filters: JSON.stringify({ service: [name], 'desired-state': ['running'] }) })) as EngineTask[]).filter((t) => t.Status.State === 'running');
  const storeId = async (name: string): Promise<string> => {
    await waitFor(`the store has ${name}`, () => ops.store.all('service').some((s) => s.name === name), 10_000);
    return ops.store.all('service').find((s) => s.name === name)?.id ?? '';
  };

  // A host-mode port (the lab has no routing mesh) allows one task per node: the other tests scale it-web.
  const input: CreateServiceInput = {
    name: 'it-ports', image: 'local/busybox:1', mode: { kind: 'replicated', replicas: 2 }, args: ['sleep', '1000000'],
    ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 18090, PublishMode: 'host' }], env: ['A=1', 'GREETING=hello world'],
    networks: [], secrets: [], constraint: 'node.role==worker', init: true, labels: { 'swarm-operator.test': '1' },
  };

  before(async () => {
    lab = labs.get(OPS);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    ops = await labOperations(lab.host);
  });
  after(async () => {
    ops?.dispose();
    if (docker) await removeTestServices(docker);
  });

  it('create: the confirmation shows the docker CLI command, and that command makes the same service', async () => {
    const created = await runOperation(createService(ops.ctx, input));
    assert.match(created.check.confirm.detail ?? '', /^docker service create --name it-ports --replicas 2 --publish published=18090,target=80,protocol=tcp,mode=host --env A=1 --env 'GREETING=hello world' --constraint node\.role==worker --init/);
    assert.match(created.check.confirm.detail ?? '', /2 nodes meet node\.role==worker: node4, node5/);
    assert.match(created.outcome.message, /it-ports was created .*: 2\/2 running/);
    assert.equal((await running('it-ports')).length, 2);
    // The printed command, run by the real CLI (another name, another port, not waiting).
    const words = splitArgs(createServiceCommand({ ...input, name: 'it-ports-cli', ports: [{ ...input.ports[0], PublishedPort: 18091 }] }));
    assert.ok(Array.isArray(words));
    await run(DOCKER, ['-H', lab.host, ...words.slice(1, 3), '--detach', ...words.slice(3)]);
    const [ours, theirs] = [await model('it-ports'), await model('it-ports-cli')];
    const same = (s: typeof ours) => ({ image: s.image, mode: s.mode, constraints: s.constraints, ports: s.ports.map((p) => ({ ...p, publishedPort: 0 })), labels: s.labels });
    assert.deepEqual(same(theirs), same(ours));
    const container = async (n: string) => ((await inspect(n)).Spec['TaskTemplate'] as { ContainerSpec: Record<string, unknown> }).ContainerSpec;
    const [c1, c2] = [await container('it-ports'), await container('it-ports-cli')];
    assert.deepEqual([c2['Args'], c2['Env'], c2['Init']], [c1['Args'], c1['Env'], c1['Init']]);
    await docker.getService('it-ports-cli').remove();
    await docker.getService('it-ports').remove();

    const web = await runOperation(createService(ops.ctx, { ...input, name: 'it-web', ports: [], constraint: undefined, env: ['A=1'] }));
    assert.match(web.outcome.message, /it-web was created .*: 2\/2 running/);
  });

  it('scale up and down converge by the CLI\'s rule; down is destructive; global services and jobs are refused', async () => {
    const id = await storeId('it-web');
    const up = scaleService(ops.ctx, id, 4);
    assert.equal(up.destructive, false);
    const ranUp = await runOperation(up);
    assert.ok(ranUp.progress.some((p) => /^\d\/4 running/.test(p)), ranUp.progress.join(' | '));
    assert.equal((await running('it-web')).length, 4);
    const down = scaleService(ops.ctx, id, 1);
    assert.equal(down.destructive, true);
    const ranDown = await runOperation(down);
    assert.match(ranDown.check.confirm.detail ?? '', /3 tasks will stop/);
    assert.equal(ranDown.outcome.message, 'it-web is scaled to 1: 1/1 running.');
    await waitFor('one task left in the Engine', async () => (await running('it-web')).length === 1, 20_000);
    assert.match(ops.log.text(), /\$ docker service scale it-web=4[\s\S]*\$ docker service scale it-web=1/);

    await docker.createService({ Name: 'it-global', Labels: { 'swarm-operator.test': '1' }, Mode: { Global: {} },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } } });
    await docker.createService({ Name: 'it-job', Labels: { 'swarm-operator.test': '1' }, Mode: { ReplicatedJob: { TotalCompletions: 1 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['true'] } } });
    assert.match(await refusal(scaleService(ops.ctx, await storeId('it-global'), 3)), /it-global is a global service: it runs one task on every eligible node/);
    assert.match(await refusal(scaleService(ops.ctx, await storeId('it-job'), 3)), /it-job is a job/);
    assert.match(await refusal(scaleService(ops.ctx, id, 1)), /has 1 replica already/);
  });

  it('an out-of-sequence update (a concurrent change between read and write) is re-applied once, keeping the other change', async () => {
    const id = await storeId('it-web');
    let raced = false;
    const racing: SwarmWriteApi = Object.create(ops.ctx.api) as SwarmWriteApi;
    racing.updateService = async (sid, version, spec, options, signal) => {
      if (!raced) {
        raced = true; // someone else updates it first: a label, through the Engine
        const cur = await inspect('it-web');
        await docker.getService(sid).update({ version: cur.Version.Index, ...cur.Spec, Labels: { ...cur.Spec.Labels, 'it.concurrent': 'yes' } });
      }
      return ops.ctx.api.updateService(sid, version, spec, options, signal);
    };
    await runOperation(scaleService({ ...ops.ctx, api: racing }, id, 2));
    const after = await inspect('it-web');
    assert.equal((after.Spec['Mode'] as { Replicated: { Replicas: number } }).Replicated.Replicas, 2);
    assert.equal(after.Spec.Labels?.['it.concurrent'], 'yes', 'the concurrent change was kept');
    assert.match(ops.log.text(), /FAILED POST \/services\/\w+\/update\?version=\d+ → rpc error: code = Unknown desc = update out of sequence\n.*service it-web changed since version/);
  });

  it('update image, then rollback restores the old image; rollback without a previous spec is refused, saying so', async () => {
    const id = await storeId('it-web');
    const updated = await runOperation(updateServiceImage(ops.ctx, id, 'local/busybox:2'));
    assert.match(updated.check.confirm.message, /from local\/busybox:1 to local\/busybox:2/);
    assert.equal((await model('it-web')).image, 'local/busybox:2');
    assert.match(updated.outcome.message, /it-web runs local\/busybox:2: 2\/2 running/);
    await waitFor('the store knows the previous spec', () => ops.store.get('service', id)?.hasPreviousSpec === true, 10_000);
    const back = await runOperation(rollbackService(ops.ctx, id));
    assert.match(back.check.confirm.detail ?? '', /TaskTemplate\.ContainerSpec\.Image: "local\/busybox:2" → "local\/busybox:1"/);
    assert.equal((await model('it-web')).image, 'local/busybox:1');
    assert.equal((await inspect('it-web') as { UpdateStatus?: { State?: string } } & EngineService).UpdateStatus?.State, 'rollback_completed');

    const fresh = await docker.createService({ Name: 'it-fresh', Labels: { 'swarm-operator.test': '1' }, Mode: { Replicated: { Replicas: 1 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } } });
    assert.match(await refusal(rollbackService(ops.ctx, await storeId('it-fresh'))), /it-fresh has no previous spec to roll back to/);
    await docker.getService(fresh.id).remove();
  });

  it('a failing image with failure_action pause: reported as the CLI reports it, with the failing tasks\' errors', async () => {
    const id = await storeId('it-web');
    const cur = await inspect('it-web');
    await docker.getService(id).update({ version: cur.Version.Index, ...cur.Spec, UpdateConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 2e9 } });
    await waitFor('the store has the update config', () => ops.store.get('service', id)?.updateConfig?.failureAction === 'pause', 10_000);
    const op = updateServiceImage(ops.ctx, id, 'local/busybox:fail');
    await op.check();
    const failed = await op.run({ report: () => undefined }, new AbortController().signal).then(() => undefined, (e: unknown) => e);
    assert.ok(failed instanceof OperationError, String(failed));
    assert.match(failed.message, /^it-web: service update paused: update paused due to failure or early termination of task/);
    assert.match(failed.next, /it-web\.\d on node\d: task: non-zero exit \(1\)/);
  });

  it('force restart replaces every task (ForceUpdate + 1)', async () => {
    const id = await storeId('it-web');
    await runOperation(rollbackService(ops.ctx, id)); // out of the paused update first
    const before = (await running('it-web')).map((t) => t.ID).sort();
    const force = (await inspect('it-web')).Spec['TaskTemplate'] as { ForceUpdate?: number };
    await runOperation(forceRestartService(ops.ctx, id));
    const after = (await running('it-web')).map((t) => t.ID);
    assert.equal(after.length, before.length);
    assert.ok(after.every((t) => !before.includes(t)), 'new tasks');
    assert.equal(((await inspect('it-web')).Spec['TaskTemplate'] as { ForceUpdate?: number }).ForceUpdate, (force.ForceUpdate ?? 0) + 1);
  });

  it('edit spec: a saved edit updates with the version it was opened at; a concurrent change is a conflict, never overwritten', async () => {
    const id = await storeId('it-web');
    const doc = await readSpecDocument(ops.ctx, id);
    assert.match(doc.text, new RegExp(`^# Service it-web \\(${id}\\) on .*, spec at version ${doc.version}\\.`));
    const edited = doc.text.replace(/^( *)- A=1$/m, '$1- A=1\n$1- B=2').replace(/Replicas: \d+/, 'Replicas: 3');
    const parsed = parseEdit(edited, doc);
    assert.ok(parsed.spec, parsed.problems?.join('; '));
    const ran = await runOperation(editServiceSpec(ops.ctx, doc, parsed.spec));
    assert.match(ran.check.confirm.detail ?? '', /Mode\.Replicated\.Replicas: \d → 3/);
    assert.match(ran.check.confirm.detail ?? '', /TaskTemplate\.ContainerSpec\.Env: .*"B=2"/);
    const container = ((await inspect('it-web')).Spec['TaskTemplate'] as { ContainerSpec: { Env: string[] } }).ContainerSpec;
    assert.ok(container.Env.includes('B=2'));
    assert.equal((await running('it-web')).length, 3);

    // Opened, then someone scales it, then the edit is saved.
    const stale = await readSpecDocument(ops.ctx, id);
    const cur = await inspect('it-web');
    await docker.getService(id).update({ version: cur.Version.Index, ...cur.Spec, Mode: { Replicated: { Replicas: 1 } } });
    const mine = parseEdit(stale.text.replace('- B=2', '- B=3'), stale);
    assert.ok(mine.spec);
    const op = editServiceSpec(ops.ctx, stale, mine.spec);
    await op.check();
    const conflict = await op.run({ report: () => undefined }, new AbortController().signal).then(() => undefined, (e: unknown) => e);
    assert.ok(conflict instanceof SpecConflict, String(conflict));
    assert.ok(conflict.current.version > stale.version);
    assert.match(conflict.current.text, /Replicas: 1/);
    const now = ((await inspect('it-web')).Spec['TaskTemplate'] as { ContainerSpec: { Env: string[] } }).ContainerSpec;
    assert.ok(now.Env.includes('B=2') && !now.Env.includes('B=3'), 'the edit was not applied over the concurrent change');

    // What Swarm refuses to change is said before sending.
    assert.deepEqual(parseEdit(stale.text.replace('Name: it-web', 'Name: it-other'), stale).problems, ['Name must stay "it-web": Swarm cannot rename a service.']);
    assert.match((parseEdit('Name: [', stale).problems ?? [])[0] ?? '', /^YAML: /);
    assert.match((parseEdit(stale.text.replace(/Replicas: \d+/, 'Replicas: many'), stale).problems ?? [])[0] ?? '', /Mode\.Replicated\.Replicas must be a whole number/);
  });

  it('remove: confirmed with its task count', async () => {
    const id = await storeId('it-web');
    await waitFor('the store shows the 1 replica left by the concurrent scale', () => ops.store.all('task').filter((t) => t.serviceId === id && t.desiredState === 'running').length === 1, 30_000);
    const removed = await runOperation(removeService(ops.ctx, id));
    assert.match(removed.check.confirm.detail ?? '', /^Its 1 task stops and its container is removed\./);
    await assert.rejects(docker.getService(id).inspect(), /no such service/);
  });
});
