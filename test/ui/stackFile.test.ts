// A stack file with a mistake, in the real editor: the Problems panel lists it and the quick fix
// offered by the light bulb repairs it so that the real docker CLI accepts the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '../support/engine';
import { ui } from './hooks';

const DOCKER = '/usr/local/bin/docker';

function cliAccepts(file: string): boolean {
  try { execFileSync(DOCKER, ['stack', 'config', '-c', file], { stdio: 'ignore' }); return true; } catch { return false; }
}

describe('a stack file with a mistake in the workbench', function () {
  it('is underlined, listed in the Problems panel, and the light bulb\'s quick fix makes the CLI accept it', async () => {
    const { wb, workspace } = ui();
    const file = path.join(workspace, 'broken-stack.yml');
    assert.equal(cliAccepts(file), false, 'the docker CLI rejects the file as written');
    const page = wb.page;
    await wb.openFile('broken-stack.yml');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: /Unknown key `services\.web\.deploy\.replica`/ });
    await problem.first().waitFor({ timeout: 15_000 });
    await wb.screenshot('problems-panel');
    // Put the cursor on the mistake (the Problems row navigates there), then open the light bulb menu.
    await problem.first().dblclick();
    await page.locator('.monaco-editor.focused').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+.');
    // The menu takes the keyboard (a pointer block covers the page): move to the fix, press Enter.
    const focusedFix = page.locator('.action-widget .monaco-list-row.focused', { hasText: /replicas/ });
    await page.locator('.action-widget .monaco-list-row', { hasText: /replicas/ }).first().waitFor({ timeout: 15_000 });
    for (let i = 0; i < 5 && await focusedFix.count() === 0; i++) await page.keyboard.press('ArrowDown');
    await focusedFix.waitFor({ timeout: 5_000 });
    await wb.screenshot('quick-fix');
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: 'replicas: 2' }).waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.keyboard.press('Control+S');
    await waitFor('the fix saved to disk', () => /^\s+replicas: 2$/m.test(fs.readFileSync(file, 'utf8')), 10_000);
    assert.equal(cliAccepts(file), true, 'the docker CLI accepts the fixed file');
    await wb.screenshot('fixed');
  });

  it('completion inside deploy and hover on a key, in the editor', async () => {
    const { wb } = ui();
    const page = wb.page;
    await wb.openFile('docker-stack.yml');
    // Go to the line of `replicas:` and ask for completion at its start: the keys deploy allows.
    await page.keyboard.press('Control+G');
    const goTo = page.locator('.quick-input-widget input');
    await goTo.waitFor({ timeout: 10_000 });
    await goTo.fill(':8');
    await page.keyboard.press('Enter');
    await goTo.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget .monaco-list-row', { hasText: 'placement' });
    await suggest.first().waitFor({ timeout: 15_000 });
    await wb.screenshot('completion');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
    await page.locator('.monaco-editor .view-line span', { hasText: /^update_config$/ }).first().hover();
    await page.locator('.monaco-hover', { hasText: 'update_config' }).first().waitFor({ timeout: 15_000 });
    await wb.screenshot('hover');
  });
});
