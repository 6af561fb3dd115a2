// The rollout webview bundle rendered by a real headless Chromium (the browser is the oracle: its
// CSP enforcement, its DOM, its Long Tasks API), fed views the real model made from captured rollouts.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import type { Page } from 'playwright-core';
import type { RolloutView } from '../../src/domain/rollout/view';
import { diffView } from '../../src/protocol/rolloutPatch';
import { ROW_HEIGHT } from '../../webview/rollout/slotList';
import { posted, send, stateOf, violations, WebviewHarness } from './harness';
import { capturedView, largeView } from './synthetic';

/** px: the row height of webview/rollout/slotList.ts (ROW_HEIGHT). */
const ROW = ROW_HEIGHT;
const loadAverage = (): string => os.loadavg()[0]?.toFixed(1) ?? '?';
const rowsInDom = (p: Page): Promise<number> => p.locator('#spacer > .slot').count();
const text = (p: Page, selector: string): Promise<string> => p.locator(selector).first().innerText();

describe('rollout webview in Chromium', function () {
  this.timeout(60_000);
  const harness = new WebviewHarness();
  before(() => harness.start());
  after(() => harness.stop());

  it('loads under the panel\'s CSP (nothing blocked that it needs), says ready, and upgrades the toolkit\'s components', async () => {
    const p = await harness.open();
    assert.deepEqual(await posted(p), [{ type: 'ready' }]);
    await send(p, { type: 'view', rev: 1, view: capturedView('clean-update') });
    await p.waitForSelector('#spacer > .slot');
    // One report is the toolkit's: its badge template has a `style` attribute placeholder (a binding
    // FAST drops when no fill or colour is set), which Chromium reports as it parses the template. No
    // style is lost by it (the badge's control has no style attribute); nothing else is reported.
    const reports = await violations(p);
    assert.ok(reports.length <= 1 && reports.every((r) => r.startsWith('style-src-attr inline')), reports.join('\n'));
    assert.equal(await p.evaluate(() => document.querySelector('vscode-badge')?.shadowRoot?.querySelector('.control')?.hasAttribute('style')), false);
    const upgraded = await p.evaluate(() => ['vscode-button', 'vscode-badge', 'vscode-data-grid', 'vscode-progress-ring']
      .map((tag) => [tag, customElements.get(tag) !== undefined && document.querySelector(tag)?.shadowRoot !== null]));
    assert.deepEqual(upgraded, [['vscode-button', true], ['vscode-badge', true], ['vscode-data-grid', true], ['vscode-progress-ring', true]]);
    await p.close();
  });

  it('shows a captured clean update: phase, images, N of M, one row per slot, the timeline; disabled actions say why', async () => {
    const p = await harness.open();
    const view = capturedView('clean-update', 12); // mid-update
    await send(p, { type: 'view', rev: 1, view });
    await p.waitForSelector('#spacer > .slot');
    assert.equal(await text(p, '#service'), 'cap-clean');
    assert.equal(await text(p, '#phase'), view.header.phase.title);
    assert.equal(await text(p, '#image'), 'local/busybox:1 → local/busybox:2');
    assert.equal(await text(p, '#overall'), view.header.overall);
    assert.equal(await rowsInDom(p), 6);
    assert.equal(await p.locator('#timeline li').count(), view.timeline.length);
    assert.equal(await p.locator('#ring').isVisible(), true, 'a progress ring while updating');
    // A view where rollback does not apply: the button is disabled and its title says why.
    const rolledBack = capturedView('failing-rollback');
    await send(p, { type: 'view', rev: 2, view: rolledBack });
    await p.waitForFunction(() => document.querySelector('[data-action="rollback"]')?.hasAttribute('disabled') === true);
    assert.equal(await p.locator('[data-action="rollback"]').getAttribute('title'), rolledBack.header.actions.rollback.reason);
    const failedRow = p.locator('#spacer > .slot[title]').filter({ hasText: 'task: non-zero exit (1)' });
    assert.ok((await failedRow.count()) > 0, 'the failed task\'s error is on its row, in full in the title');
    // An enabled action posts its message.
    await p.locator('[data-action="logs"]').click();
    assert.deepEqual((await posted(p)).at(-1), { type: 'action', action: 'logs' });
    await p.close();
  });

  it('applies patches; a patch that skips a revision makes it ask for a resync', async () => {
    const p = await harness.open();
    const before = capturedView('clean-update', 12);
    const after = capturedView('clean-update');
    await send(p, { type: 'view', rev: 1, view: before });
    await send(p, { type: 'patch', rev: 2, base: 1, patch: diffView(before, after) });
    await p.waitForFunction((t) => document.getElementById('overall')?.textContent === t, after.header.overall);
    assert.equal(await text(p, '#phase'), after.header.phase.title);
    assert.equal((await stateOf(p))?.rev, 2);
    await send(p, { type: 'patch', rev: 9, base: 7, patch: {} });
    await p.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'resync'));
    await p.close();
  });

  it('after a reload it shows the state it kept before any message, and tells the host its revision', async () => {
    const p = await harness.open();
    const view = capturedView('paused');
    await send(p, { type: 'view', rev: 5, view });
    await p.waitForSelector('#spacer > .slot');
    const state = await stateOf(p);
    assert.ok(state);
    assert.equal(state.serviceId, view.header.serviceId);
    await p.close();
    const again = await harness.open({ state });
    assert.deepEqual(await posted(again), [{ type: 'ready', rev: 5 }]);
    await again.waitForSelector('#spacer > .slot');
    assert.equal(await text(again, '#phase'), 'Update paused');
    assert.equal(await text(again, '#detail'), view.header.phase.detail);
    await again.close();
  });

  it('1,000 slots: only the visible rows are in the DOM, re-used as it scrolls end to end, each step repainting only the rows it brings in', async () => {
    const p = await harness.open({ height: 900 });
    const view: RolloutView = largeView(1000);
    assert.equal(view.rows.length, 1000);
    const t0 = Date.now();
    await send(p, { type: 'view', rev: 1, view });
    await p.waitForSelector('#spacer > .slot');
    const firstViewMs = Date.now() - t0;
    const viewport = p.locator('#viewport');
    const { clientHeight, scrollHeight } = await viewport.evaluate((e) => ({ clientHeight: e.clientHeight, scrollHeight: e.scrollHeight }));
    assert.equal(scrollHeight, 1000 * ROW);
    const maxRows = Math.ceil(clientHeight / ROW) + 1 + 2 * 8; // visible, plus the overscan above and below
    // From here on: the browser's long tasks (over 50 ms), row elements created or removed, rows repainted.
    await p.evaluate(() => {
      const w = window as unknown as { __long: number; __added: number; __painted: number };
      w.__long = 0; w.__added = 0; w.__painted = 0;
      new PerformanceObserver((list) => { w.__long += list.getEntries().length; }).observe({ type: 'longtask' });
      const spacer = document.getElementById('spacer');
      if (!spacer) return;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.target === spacer) w.__added += r.addedNodes.length + r.removedNodes.length;
          else if ((r.target as Element).classList?.contains('c-slot')) w.__painted++;
        }
      }).observe(spacer, { childList: true, subtree: true });
    });
    const STEP = 470;
    const frames: number[] = [];
    await viewport.hover();
    for (let step = 0; step < 60; step++) {
      await p.mouse.wheel(0, STEP);
      const sample = await p.evaluate(() => new Promise<{ gap: number; top: number; labels: string[]; painted: number }>((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const w = window as unknown as { __painted: number };
          const painted = w.__painted;
          w.__painted = 0;
          resolve({ gap: (performance.now() - start) / 2, top: document.getElementById('viewport')?.scrollTop ?? 0, painted,
            labels: Array.from(document.querySelectorAll('#spacer > .slot .c-slot')).map((c) => c.textContent ?? '') });
        }));
      }));
      frames.push(sample.gap);
      assert.ok(sample.labels.length <= maxRows, `${sample.labels.length} rows in the DOM (at most ${maxRows})`);
      const topSlot = String(Math.floor(sample.top / ROW) + 1);
      assert.ok(sample.labels.includes(topSlot), `slot ${topSlot} is rendered at scrollTop ${sample.top}`);
      assert.ok(sample.painted <= Math.ceil(STEP / ROW) + 2, `step ${step}: ${sample.painted} rows repainted for ${STEP} px`);
    }
    assert.ok(await p.locator('#spacer > .slot .c-slot').filter({ hasText: /^1000$/ }).count() === 1, 'the last slot renders at the bottom');
    const { long, added } = await p.evaluate(() => { const w = window as unknown as { __long: number; __added: number }; return { long: w.__long, added: w.__added }; });
    assert.equal(added, 0, 'no row element created or removed while scrolling: the pool is re-used');
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(`      1,000 slots: first view ${firstViewMs} ms; ${frames.length} scroll steps of ${STEP} px; frame median ` +
      `${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms, ` +
      `max ${sorted[sorted.length - 1]?.toFixed(1)} ms; long tasks while scrolling: ${long} (load average ${loadAverage()})`);
    await p.close();
  });
});
