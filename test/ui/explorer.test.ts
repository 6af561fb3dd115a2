// The Swarm view in the real workbench, clicked as a user would, against the lab swarm. The Engine
// changes the cluster behind the view's back; the view must follow without a click.
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { dockerFor, removeTestServices, scaleService, waitFor } from '../support/engine';
import { ui } from './hooks';

const LABEL = { 'swarm-operator.test': '1' };

describe('the Swarm view in the workbench', function () {
  let docker: Docker;
  let webId = '';

  before(async () => {
    docker = dockerFor(ui().lab.host);
    await removeTestServices(docker);
    webId = (await docker.createService({
      Name: 'ui-web', Labels: LABEL, Mode: { Replicated: { Replicas: 2 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } },
    })).id;
    await docker.createService({
      Name: 'ui-agent', Labels: LABEL, Mode: { Global: {} },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } },
    });
    await docker.createSecret({ Name: 'ui-secret', Labels: LABEL, Data: Buffer.from('s3cret').toString('base64') });
    await docker.createConfig({ Name: 'ui-config', Labels: LABEL, Data: Buffer.from('a=1').toString('base64') });
    await docker.createNetwork({ Name: 'ui-net', Driver: 'overlay', Labels: LABEL });
  });

  after(async () => {
    if (!docker) return;
    await removeTestServices(docker);
    await docker.getSecret('ui-secret').remove().catch(() => undefined);
    await docker.getConfig('ui-config').remove().catch(() => undefined);
    await waitFor('ui-net removable', async () => docker.getNetwork('ui-net').remove().then(() => true, () => false), 30_000).catch(() => undefined);
  });

  it('opens the view and lists nodes with their roles, services with x/y, their tasks, secrets, configs, networks', async () => {
    const { wb } = ui();
    await wb.openSwarmView();
    await wb.waitRowText('node1', /node1 manager · Leader/);
    assert.match(await wb.rowText('node2'), /node2 worker/);
    assert.match(await wb.rowText('node3'), /node3 worker/);
    await wb.waitRowText('ui-web', /ui-web 2\/2/, 45_000);
    await wb.waitRowText('ui-agent', /ui-agent 3\/3 \(global\)/, 45_000);
    await wb.expand('ui-web');
    await wb.waitRowText(/^ui-web\.1$/, /running on node\d/);
    await wb.expand('Secrets');
    await wb.row('ui-secret').first().waitFor();
    await wb.expand('Configs');
    await wb.row('ui-config').first().waitFor();
    await wb.expand('Networks');
    await wb.row('ui-net').first().waitFor();
    await wb.screenshot('cluster-tree');
  });

  it('a scale made outside (through the Engine API) shows without a click', async () => {
    const { wb } = ui();
    await scaleService(docker, webId, 4);
    await wb.waitRowText('ui-web', /ui-web 4\/4/, 45_000);
    await wb.screenshot('scaled-outside');
  });

  it('the status bar shows the cluster', async () => {
    const { wb } = ui();
    const item = wb.statusItem(/swarm: 3 nodes/);
    await item.waitFor({ timeout: 15_000 });
    await item.hover();
    await wb.page.locator('.monaco-hover', { hasText: /via unix:\/\// }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('status-bar');
  });

  it('the manager\'s dockerd stops: the view says disconnected; it starts again: the tree recovers without a reload', async function () {
    const { wb, lab } = ui();
    if (!lab.controllable) this.skip();
    lab.stopNode(1);
    try {
      await wb.viewMessage().filter({ hasText: /Disconnected from unix:\/\/.*Showing last known state/ }).waitFor({ timeout: 30_000 });
      await wb.statusItem(/swarm: disconnected/).waitFor({ timeout: 10_000 });
      assert.match(await wb.rowText('Nodes'), /\(stale\)/, 'the groups say their data is stale');
      await wb.screenshot('disconnected');
    } finally {
      lab.startNode(1);
    }
    await wb.statusItem(/swarm: 3 nodes/).waitFor({ timeout: 60_000 });
    await wb.viewMessage().filter({ hasText: /Disconnected/ }).waitFor({ state: 'detached', timeout: 15_000 });
    assert.doesNotMatch(await wb.rowText('Nodes'), /stale/);
    await scaleService(docker, webId, 2);
    await wb.waitRowText('ui-web', /ui-web 2\/2/, 45_000);
    await wb.screenshot('reconnected');
  });
});
