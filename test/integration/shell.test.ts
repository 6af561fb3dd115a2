// Open shell on the lab: a task on the node the extension talks to gets a shell over its engine's
// exec API (input, output, resize, exit code); a task elsewhere is refused with the command that
// works there, until a Docker context (made by the real docker CLI) reaches that node's engine.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { nodeResolveInput } from '../../src/docker/dockerOptions';
import { DockerShellStreams } from '../../src/docker/execShell';
import { ContextNodeEngines } from '../../src/docker/nodeEngines';
import { SHELL_COMMAND } from '../../src/domain/shellTarget';
import { OperationError } from '../../src/operations/operation';
import { shellRoute, type ShellRoute } from '../../src/operations/shell/shellRoute';
import type { Task } from '../../src/domain/model';
import { apiFor, dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';
import { labOperations, type LabOperations } from '../support/operations';

const run = promisify(execFile);

describe('open shell', function () {
  this.timeout(120_000);
  let lab: Lab;
  let docker: Docker;
  let ops: LabOperations;
  let configDir: string;

  const taskOn = (hostname: string): Task => {
    const t = ops.store.all('task').find((x) => ops.store.get('service', x.serviceId)?.name === 'it-sh' && x.state === 'running'
      && ops.store.get('node', x.nodeId ?? '')?.hostname === hostname);
    assert.ok(t, `a running it-sh task on ${hostname}`);
    return t;
  };

  /** Opens the route's shell, runs `input`, collects the output until `until` shows, and the exit code. */
  async function session(route: ShellRoute, input: string[], until: RegExp) {
    let out = '';
    let exit: { code: number | undefined } | undefined;
    const decoder = new TextDecoder();
    const s = await route.shell.openShell(route.task.containerId ?? '', SHELL_COMMAND, { columns: 100, rows: 30 }, {
      onData: (c) => { out += decoder.decode(c, { stream: true }); },
      onExit: (code) => { exit = { code }; },
    });
    await s.resize(100, 30);
    for (const line of input) s.write(line);
    await waitFor(`shell output ${until}`, () => until.test(out), 20_000);
    return { out: () => out, exit: () => exit, session: s };
  }

  before(async () => {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-docker-config-'));
    await docker.createService({
      Name: 'it-sh', Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true }, Placement: { MaxReplicas: 1 } },
      Mode: { Replicated: { Replicas: 3 } },
    });
    const engines = new ContextNodeEngines(undefined, { input: { ...nodeResolveInput(), env: { ...process.env, DOCKER_CONFIG: configDir, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined } } });
    ops = await labOperations(lab.host, { engines });
    await waitFor('it-sh on every node', () => ops.store.all('task').filter((t) => ops.store.get('service', t.serviceId)?.name === 'it-sh' && t.state === 'running').length === 3, 60_000);
  });

  after(async () => {
    ops?.dispose();
    await removeTestServices(docker);
    fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('opens a shell in a task on the node it talks to: input, output, terminal size, exit code', async () => {
    const route = await shellRoute(ops.ctx, new DockerShellStreams(apiFor(lab.host)), taskOn('node1').id);
    assert.match(route.where, /^node1 /);
    const s = await session(route, ['echo "sum=$((40+2))"; stty size\r'], /sum=42[\s\S]*30 100/);
    s.session.write('exit 3\r');
    await waitFor('the shell to exit', () => s.exit() !== undefined, 20_000);
    assert.equal(s.exit()?.code, 3);
  });

  it('refuses a task on another node, saying which command works there', async () => {
    const task = taskOn('node2');
    const error = await shellRoute(ops.ctx, new DockerShellStreams(apiFor(lab.host)), task.id).catch((e: unknown) => e);
    assert.ok(error instanceof OperationError);
    assert.match(error.message, /runs on node node2 \(10\.\d+\.0\.2\), whose engine this extension cannot reach/);
    assert.match(error.next, new RegExp(`Run "docker exec -it ${task.containerId?.slice(0, 12)} sh" on node node2`));
  });

  it('opens it through a Docker context whose engine reports that node\'s id', async () => {
    const node2 = lab.nodes.find((n) => n.index === 2);
    assert.ok(node2);
    await run('/usr/local/bin/docker', ['context', 'create', 'it-node2', '--docker', `host=${node2.host}`], { env: { ...process.env, DOCKER_CONFIG: configDir } });
    const route = await shellRoute(ops.ctx, new DockerShellStreams(apiFor(lab.host)), taskOn('node2').id);
    assert.match(route.where, /^node2 via Docker context "it-node2"/);
    const s = await session(route, ['hostname; echo done-$((2*3))\r'], /done-6/);
    assert.ok(s.out().includes(route.task.containerId?.slice(0, 12) ?? '?'), 'the container\'s hostname is its short id');
    s.session.close();
    await waitFor('the shell to end', () => s.exit() !== undefined, 20_000);
  });
});
