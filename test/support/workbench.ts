// Driving the real VS Code workbench (code-server's VS Code server, headless Chromium) for the UI
// tests: robust helpers that wait for states instead of retrying actions into passing. Rows are
// found again after every refresh (never held across one), and a row is expanded only when its
// aria-expanded says it is collapsed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const ARTEFACTS = path.join(__dirname, '..', '..', '.test-results', 'ui');

export class Workbench {
  private shots = 0;

  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 90_000 });
  }

  /** Click the Swarm icon in the activity bar unless its view is already showing. */
  async openSwarmView(): Promise<void> {
    const icon = this.page.locator('.part.activitybar a.action-label[aria-label^="Swarm"]');
    await icon.waitFor({ timeout: 60_000 });
    const item = this.page.locator('.part.activitybar .action-item', { has: this.page.locator('a.action-label[aria-label^="Swarm"]') });
    if ((await item.getAttribute('class'))?.includes('checked') !== true) await icon.click();
    await this.sidebarTitle('Swarm').waitFor({ timeout: 30_000 });
  }

  private sidebarTitle(text: string): Locator {
    return this.page.locator('.part.sidebar .composite.title', { hasText: new RegExp(text, 'i') });
  }

  /** The tree rows whose label is `label` (a string is the whole label). */
  row(label: string | RegExp): Locator {
    const re = typeof label === 'string' ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : label;
    return this.page.locator('.part.sidebar .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: re }) });
  }

  /** Text of the row: `label description`. */
  async rowText(label: string | RegExp): Promise<string> {
    const row = this.row(label).first();
    const name = await row.locator('.label-name').innerText();
    const description = await row.locator('.label-description').innerText().catch(() => '');
    return `${name} ${description}`.replace(/\s+/g, ' ').trim();
  }

  /** Right-clicks the row and picks `item` from its context menu (hovered first: the menu takes a click once it has settled under the pointer). */
  async contextMenu(label: string | RegExp, item: string): Promise<void> {
    await this.row(label).first().click({ button: 'right' });
    const entry = this.page.getByRole('menuitem', { name: item });
    await entry.hover();
    await entry.click();
  }

  async expand(label: string): Promise<void> {
    const row = this.row(label).first();
    await row.waitFor({ timeout: 30_000 });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    const t0 = Date.now();
    while ((await this.row(label).first().getAttribute('aria-expanded')) !== 'true') {
      if (Date.now() - t0 > 15_000) throw new Error(`row ${label} did not expand`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Waits until the row's text matches `re` (the view updates by itself: no click). */
  async waitRowText(label: string | RegExp, re: RegExp, timeout = 30_000): Promise<string> {
    const t0 = Date.now();
    let last = '';
    while (Date.now() - t0 < timeout) {
      if (await this.row(label).count() > 0) {
        last = await this.rowText(label).catch(() => '');
        if (re.test(last)) return last;
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`row ${String(label)} did not match ${re} within ${timeout} ms (last: "${last}")`);
  }

  /** The Swarm view's message area (connection problems). */
  viewMessage(): Locator {
    return this.page.locator('.part.sidebar .message');
  }

  statusItem(text: RegExp): Locator {
    return this.page.locator('.part.statusbar .statusbar-item', { hasText: text });
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
  }

  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(name);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    const file = path.join(ARTEFACTS, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
