// Actions from the Swarm view's context menus in the real workbench, on the small lab (1 manager,
// 2 workers): drain a node (confirmed in the modal, checked in the Engine and in the tree), scale a
// service to 5 (the input box, then the Engine and the tree), and demoting the only manager refused
// with a message that says why (it stays a manager).
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { dockerFor, removeTestServices, waitFor } from '../support/engine';
import type { Workbench } from '../support/workbench';
import { ui } from './hooks';

interface EngineNode { ID: string; Version: { Index: number }; Description: { Hostname: string }; Spec: { Role: string; Availability: string } }

async function confirmModal(wb: Workbench, button: string, text: RegExp, shot?: string): Promise<string> {
  const dialog = wb.page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15_000 });
  const shown = await dialog.innerText();
  assert.match(shown, text);
  if (shot) await wb.screenshot(shot);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  return shown;
}

describe('actions from the Swarm view\'s context menus', function () {
  let docker: Docker;
  const nodes = async (): Promise<EngineNode[]> => (await docker.listNodes()) as EngineNode[];
  const node = async (hostname: string): Promise<EngineNode> => (await nodes()).find((n) => n.Description.Hostname === hostname) ?? assert.fail(hostname);

  before(async () => {
    docker = dockerFor(ui().lab.host);
    await removeTestServices(docker);
  });
  after(async () => {
    if (!docker) return;
    await removeTestServices(docker);
    for (const n of await nodes()) {
      if (n.Spec.Availability !== 'active') await docker.getNode(n.ID).update({ version: n.Version.Index, ...n.Spec, Availability: 'active' });
    }
  });

  it('drains a worker from its context menu: the modal states the impact; the Engine and the tree say drained', async function () {
    this.timeout(120_000);
    const { wb, lab } = ui();
    await docker.createService({ Name: 'ui-drain', Labels: { 'swarm-operator.test': '1' }, Mode: { Replicated: { Replicas: 2 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true }, Placement: { Constraints: ['node.role==worker'] } } });
    await wb.openSwarmView();
    await wb.waitRowText('ui-drain', /ui-drain 2\/2/, 45_000);
    const worker = (await nodes()).find((n) => n.Spec.Role === 'worker')?.Description.Hostname ?? assert.fail('a worker');
    await wb.waitRowText(worker, /active/);
    await wb.contextMenu(worker, 'Drain');
    const text = await confirmModal(wb, 'Drain', new RegExp(`Drain ${worker} on ${lab.host.replace(/[/.]/g, '\\$&')}\\?`), 'drain-confirm');
    assert.match(text, /1 running task of 1 service will be rescheduled/);
    await wb.page.locator('.notification-toast', { hasText: `${worker} is drained` }).waitFor({ timeout: 60_000 });
    assert.equal((await node(worker)).Spec.Availability, 'drain');
    await wb.waitRowText(worker, /drain/, 15_000);
    await wb.waitRowText('ui-drain', /ui-drain 2\/2/, 30_000);
    const other = (await nodes()).find((n) => n.Spec.Role === 'worker' && n.Description.Hostname !== worker)?.ID;
    const tasks = await docker.listTasks({ filters: JSON.stringify({ service: ['ui-drain'], 'desired-state': ['running'] }) }) as { NodeID: string }[];
    assert.ok(tasks.length === 2 && tasks.every((t) => t.NodeID === other), 'both tasks on the other worker');
    await wb.contextMenu(worker, 'Activate');
    await confirmModal(wb, 'Activate', /Activate/);
    await waitFor('active again', async () => (await node(worker)).Spec.Availability === 'active', 30_000);
  });

  it('scales a service to 5 from its context menu: the Engine runs 5 and the tree says 5/5', async function () {
    this.timeout(120_000);
    const { wb } = ui();
    await docker.createService({ Name: 'ui-scale', Labels: { 'swarm-operator.test': '1' }, Mode: { Replicated: { Replicas: 1 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } } });
    await wb.waitRowText('ui-scale', /ui-scale 1\/1/, 45_000);
    await wb.contextMenu('ui-scale', 'Scale…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    assert.equal(await input.inputValue(), '1', 'the current count is prefilled');
    await input.fill('5');
    await wb.page.keyboard.press('Enter');
    await confirmModal(wb, 'Scale', /Scale ui-scale from 1 to 5 replicas on /);
    await wb.page.locator('.notification-toast', { hasText: 'ui-scale is scaled to 5: 5/5 running' }).waitFor({ timeout: 60_000 });
    const running = await docker.listTasks({ filters: JSON.stringify({ service: ['ui-scale'], 'desired-state': ['running'] }) }) as { Status: { State: string } }[];
    assert.equal(running.filter((t) => t.Status.State === 'running').length, 5);
    await wb.waitRowText('ui-scale', /ui-scale 5\/5/, 15_000);
    await wb.screenshot('scaled-to-5');
  });

  it('demoting the only manager is refused with a message that says why, and it stays a manager', async function () {
    this.timeout(60_000);
    const { wb } = ui();
    const manager = (await nodes()).find((n) => n.Spec.Role === 'manager') ?? assert.fail('a manager');
    await wb.contextMenu(manager.Description.Hostname, 'Demote to Worker');
    const toast = wb.page.locator('.notification-toast', { hasText: `${manager.Description.Hostname} is the only manager: a swarm needs at least one manager` });
    await toast.waitFor({ timeout: 15_000 });
    assert.equal(await wb.page.locator('.monaco-dialog-box').count(), 0, 'nothing to confirm: refused before asking');
    await wb.screenshot('demote-only-manager-refused');
    const after = await node(manager.Description.Hostname);
    assert.equal(after.Spec.Role, 'manager');
    assert.equal(after.Version.Index, manager.Version.Index, 'nothing was sent');
  });
});
