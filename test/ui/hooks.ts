// Mocha root hooks of the UI tests: the small lab, the packaged .vsix installed into the real VS Code
// server with swarm.dockerHost on the lab's manager, and one headless Chromium page on a copy of the
// test workspace. Everything is stopped after the run; screenshots stay in .test-results/ui.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { forwardConsole, launchBrowser } from '../../scripts/vscode-host/browser';
import { packageVsix } from '../../scripts/vscode-host/packageVsix';
import { choosePort, installVsix, ROOT, serverMain, startServer, writeUserSettings, type RunningServer } from '../../scripts/vscode-host/server';
import { labs, SMALL, type Lab } from '../support/lab';
import { ARTEFACTS, Workbench } from '../support/workbench';

export interface UiContext {
  readonly lab: Lab;
  readonly wb: Workbench;
  readonly workspace: string;
  /** The DOCKER_CONFIG of the VS Code server: Docker contexts made here with the real CLI are its contexts. */
  readonly dockerConfig: string;
}

let ctx: UiContext | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let tmp = '';

/** The running workbench (set up by the root hook). */
export function ui(): UiContext {
  if (!ctx) throw new Error('the UI root hook did not run');
  return ctx;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(600_000);
    fs.rmSync(ARTEFACTS, { recursive: true, force: true });
    const main = serverMain();
    const vsix = packageVsix();
    const lab = labs.get(SMALL);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-ui-'));
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(path.join(ROOT, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
    installVsix(main, { root: tmp }, vsix);
    writeUserSettings({ root: tmp }, {
      'swarm.dockerHost': lab.host, 'swarm.tasks.fastPollSeconds': 0.5, 'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'workbench.tips.enabled': false,
      'window.commandCenter': false, 'chat.commandCenter.enabled': false, 'files.autoSave': 'off',
    });
    const dockerConfig = path.join(tmp, 'docker-config');
    fs.mkdirSync(dockerConfig, { recursive: true });
    server = await startServer(main, { root: tmp }, await choosePort(0), { DOCKER_CONFIG: dockerConfig });
    browser = await launchBrowser();
    // The clipboard is read back by the tests (Copy ID, Copy Join Token).
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await browserContext.newPage();
    forwardConsole(page);
    await page.goto(server.url(workspace));
    const wb = new Workbench(page);
    await wb.ready();
    ctx = { lab, wb, workspace, dockerConfig };
  },
  /** A failed test leaves a picture of what the workbench showed. */
  async afterEach(this: Mocha.Context): Promise<void> {
    const t = this.currentTest;
    if (ctx && t?.state === 'failed') await ctx.wb.screenshot(`FAILED-${t.title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(180_000);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (tmp && !process.env['SWARM_TEST_KEEP_TMP']) fs.rmSync(tmp, { recursive: true, force: true });
    labs.teardownAll();
  },
};
