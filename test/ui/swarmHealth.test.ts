// The explorer's operating rules and contexts in the workbench: the status bar warns when the swarm
// has an even number of managers; Select Docker Context switches the view between swarms (and to a
// worker, which the welcome content explains); Copy Join Token copies what `docker swarm join-token`
// prints. Runs after the other UI files: it changes the lab's roles and the endpoint, then puts them back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import type Docker from 'dockerode';
import { dockerFor, waitFor } from '../support/engine';
import { ui } from './hooks';

const DOCKER = fs.existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : 'docker';

async function setRole(docker: Docker, id: string, role: 'manager' | 'worker'): Promise<void> {
  const node = docker.getNode(id);
  const cur = await node.inspect() as { Version: { Index: number }; Spec: Record<string, unknown> };
  await node.update({ version: cur.Version.Index, ...cur.Spec, Role: role });
}

describe('swarm health and contexts in the workbench', function () {
  this.timeout(240_000);

  it('two managers: the status bar warns, with the fault tolerance in its tooltip; back to one manager', async () => {
    const { wb, lab } = ui();
    const docker = dockerFor(lab.host);
    await wb.openSwarmView();
    const nodes = await docker.listNodes() as { ID: string; Spec: { Role: string } }[];
    const worker = nodes.find((n) => n.Spec.Role === 'worker');
    assert.ok(worker);
    await setRole(docker, worker.ID, 'manager');
    try {
      const item = wb.statusItem(/2\/2 managers/);
      await item.waitFor({ timeout: 90_000 });
      await item.hover();
      await wb.page.locator('.monaco-hover', { hasText: /2 managers is an even count/ }).first().waitFor({ timeout: 15_000 });
      assert.ok(await wb.page.locator('.monaco-hover', { hasText: /2 managers tolerate 0 failures/ }).count() > 0);
      await wb.screenshot('status-two-managers');
    } finally {
      await waitFor('demoted again', async () => setRole(docker, worker.ID, 'worker').then(() => true, () => false), 60_000);
    }
    await wb.statusItem(/1\/1 managers/).waitFor({ timeout: 90_000 });
  });

  it('Copy Join Token from the Nodes group copies the worker token the docker CLI prints, after a warning', async () => {
    const { wb, lab } = ui();
    await wb.contextMenu('Nodes', 'Copy Join Token…');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Worker' }).first().click();
    const dialog = wb.page.locator('.monaco-dialog-box', { hasText: /lets any machine that reaches a manager/ });
    await dialog.waitFor({ timeout: 15_000 });
    await wb.screenshot('join-token-warning');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    const expected = execFileSync(DOCKER, ['-H', lab.host, 'swarm', 'join-token', '-q', 'worker'], { encoding: 'utf8' }).trim();
    await waitFor('the token on the clipboard', async () => (await wb.page.evaluate('navigator.clipboard.readText()')) === expected, 15_000);
  });

  it('Select Docker Context: a worker\'s context shows the welcome that explains it; the lab\'s context brings the tree back', async () => {
    const { wb, lab, dockerConfig } = ui();
    const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
    execFileSync(DOCKER, ['context', 'create', 'ui-lab', '--docker', `host=${lab.host}`], { env, stdio: 'ignore' });
    execFileSync(DOCKER, ['context', 'create', 'ui-worker', '--docker', `host=${lab.workerHost ?? ''}`], { env, stdio: 'ignore' });
    const pick = async (name: string): Promise<void> => {
      await wb.statusItem(/managers/).first().click();
      await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().click();
    };
    await pick('ui-worker');
    await wb.page.locator('.part.sidebar .welcome-view-content', { hasText: /swarm worker/ }).waitFor({ timeout: 60_000 });
    await wb.screenshot('context-worker-welcome');
    await wb.runCommand('Swarm: Select Docker Context / Endpoint…');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'ui-lab' }).first().click();
    await wb.statusItem(/^.*ui-lab: 3\/3 nodes/).waitFor({ timeout: 60_000 });
    await wb.waitRowText('node1', /node1 manager · Leader/);
    await wb.screenshot('context-lab');
  });
});
