// The rollout view in the real workbench: opened from a service's context menu in the Swarm view, it
// follows a rolling update started from the tree (Update Image…) on the lab until the Engine says completed; a rollout started elsewhere is
// badged and offered (swarm.rollout.openView: ask). Screenshots in dark, light and high-contrast themes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import type { FrameLocator } from 'playwright-core';
import { dockerFor, removeTestServices, waitFor } from '../support/engine';
import type { Workbench } from '../support/workbench';
import { ui } from './hooks';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker';

/** The rollout webview's document (VS Code nests it: the webview element, then its active frame). */
function rolloutFrame(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function waitPhase(frame: FrameLocator, title: RegExp, timeout = 60_000): Promise<void> {
  await frame.locator('#phase', { hasText: title }).waitFor({ timeout });
}

/**
 * Switches the workbench's colour theme through the workspace's settings (the workbench applies a
 * changed settings file at once), and waits until it shows.
 */
async function colorTheme(wb: Workbench, theme: 'Default Dark Modern' | 'Default Light Modern' | 'Default High Contrast'): Promise<void> {
  const dir = path.join(ui().workspace, '.vscode');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }, null, 2) + '\n');
  const cls = theme === 'Default High Contrast' ? 'hc-black' : theme === 'Default Dark Modern' ? 'vs-dark' : 'vs';
  await wb.page.locator(`.monaco-workbench.${cls}`).waitFor({ timeout: 30_000 });
  await wb.page.waitForTimeout(500); // the webview gets the new theme's variables a moment later
}

describe('the rollout view in the workbench', function () {
  let docker: Docker;
  const cli = (...args: string[]) => run(DOCKER, ['-H', ui().lab.host, ...args], { encoding: 'utf8' });

  before(async () => {
    docker = dockerFor(ui().lab.host);
    await removeTestServices(docker);
    // One task at a time with a pause between: a rollout slow enough to watch (about 10 s).
    await cli('service', 'create', '--detach', '--name', 'ui-roll', '--label', 'swarm-operator.test=1', '--init', '--no-resolve-image',
      '--replicas', '4', '--update-parallelism', '1', '--update-delay', '1s', '--update-monitor', '2s', 'local/busybox:1', 'sleep', '1000000');
  });

  after(async () => {
    if (docker) await removeTestServices(docker);
  });

  it('opens from the service\'s context menu and follows a rolling update until completed (dark, light and high-contrast)', async function () {
    this.timeout(240_000);
    const { wb } = ui();
    await colorTheme(wb, 'Default Dark Modern');
    await wb.openSwarmView();
    await wb.waitRowText('ui-roll', /ui-roll 4\/4/, 45_000);
    await wb.contextMenu('ui-roll', 'Show Rollout');
    await wb.page.locator('.tabs-container .tab', { hasText: 'Rollout: ui-roll' }).waitFor({ timeout: 15_000 });
    const frame = rolloutFrame(wb);
    await waitPhase(frame, /^Converged$/);
    assert.equal(await frame.locator('#overall').innerText(), '4 out of 4 tasks');

    // The update starts from the tree: Update Image… on the service, the engine's tag picked, confirmed.
    await wb.contextMenu('ui-roll', 'Update Image…');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'local/busybox:2' }).first().click();
    const confirm = wb.page.locator('.monaco-dialog-box', { hasText: /ui-roll/ });
    await confirm.waitFor({ timeout: 15_000 });
    await confirm.getByRole('button', { name: /^Update/ }).click();
    await waitPhase(frame, /^Updating$/, 30_000);
    await frame.locator('#overall', { hasText: /^[12] out of 4 tasks$/ }).waitFor({ timeout: 30_000 });
    await wb.screenshot('rollout-updating-dark');
    await waitPhase(frame, /^Update completed$/, 90_000);
    const engine = await docker.getService('ui-roll').inspect() as { UpdateStatus?: { State?: string } };
    assert.equal(engine.UpdateStatus?.State, 'completed');
    assert.equal(await frame.locator('#overall').innerText(), '4 out of 4 tasks');
    assert.equal(await frame.locator('#image').innerText(), 'local/busybox:1 → local/busybox:2');
    assert.equal(await frame.locator('#spacer > .slot.s-done').count(), 4);
    assert.ok(await frame.locator('#timeline li', { hasText: 'Update completed' }).count() > 0);
    await wb.screenshot('rollout-completed-dark');
    await colorTheme(wb, 'Default Light Modern');
    await wb.screenshot('rollout-completed-light');
    await colorTheme(wb, 'Default High Contrast');
    await wb.screenshot('rollout-completed-high-contrast');
  });

  it('a rollout started elsewhere badges the Swarm view and is offered; the offer opens the view', async function () {
    this.timeout(180_000);
    const { wb } = ui();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Rollout: ui-roll' }).locator('.codicon-close').click();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Rollout: ui-roll' }).waitFor({ state: 'detached', timeout: 15_000 });
    await cli('service', 'update', '--detach', '--force', 'ui-roll');
    await wb.page.locator('.part.activitybar .action-item', { has: wb.page.locator('a.action-label[aria-label^="Swarm"]') })
      .locator('.badge-content', { hasText: '1' }).waitFor({ timeout: 30_000 });
    const toast = wb.page.locator('.notification-toast', { hasText: 'Service ui-roll started an update' });
    await toast.waitFor({ timeout: 30_000 });
    await wb.screenshot('rollout-offered');
    await toast.getByRole('button', { name: 'Show Rollout' }).click();
    const frame = rolloutFrame(wb);
    await waitPhase(frame, /^(Updating|Verifying|Update completed)$/, 30_000);
    await waitPhase(frame, /^Update completed$/, 90_000);
    assert.ok(await frame.locator('#timeline li', { hasText: 'TaskTemplate.ForceUpdate' }).count() > 0, 'the change is named');
    await waitFor('the badge gone', async () => await wb.page.locator('.part.activitybar .action-item', { has: wb.page.locator('a.action-label[aria-label^="Swarm"]') })
      .locator('.badge-content').count() === 0 || !(await wb.page.locator('.part.activitybar .action-item', { has: wb.page.locator('a.action-label[aria-label^="Swarm"]') })
      .locator('.badge').isVisible()), 30_000);
  });
});
