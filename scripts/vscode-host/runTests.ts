// Runs the extension-host suite (test/vscode, bundled to dist/test/vscode.js by the build) inside the
// real VS Code: code-server's VS Code server + headless Chromium. The workbench URL's `payload`
// carries extensionDevelopmentPath/extensionTestsPath (the server ignores those flags on its own
// command line); they must be vscode-remote:// URIs of this server, or the workbench finds no
// extension host to run them. The exit code comes back through window.codeAutomationExit.
//
// It brings up the small lab (1 manager + 2 workers) and points swarm.dockerHost at its manager.
// Counts go to $SWARM_TEST_SUMMARY (scripts/test.mjs sums them); the last line is `N passed, N failed`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { labs, SMALL } from '../../test/support/lab';
import { forwardConsole, launchBrowser } from './browser';
import { choosePort, ROOT, serverMain, startServer, writeUserSettings } from './server';

const TIMEOUT_MS = Number(process.env['SWARM_VSCODE_TIMEOUT_MS'] ?? 600_000);
const TAG = '[swarm-test] ';

interface Counts { passed: number; failed: number; pending: number; failures?: string[] }

async function main(): Promise<Counts> {
  const bundle = path.join(ROOT, 'dist', 'test', 'vscode.js');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run the build first (npm run build)`);
  const main = serverMain();
  const lab = labs.get(SMALL);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-vscode-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  const resultFile = path.join(tmp, 'result.json');
  writeUserSettings({ root: tmp }, {
    'swarm.dockerHost': lab.host, 'swarm.tasks.fastPollSeconds': 0.5,
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false,
  });
  const server = await startServer(main, { root: tmp }, await choosePort(0), {
    SWARM_VSCODE_RESULT: resultFile, SWARM_IT_DOCKER_HOST: lab.host, SWARM_IT_LAB: lab.name ?? '',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let finish: (code: number | 'no-host') => void = () => undefined;
    const exited = new Promise<number | 'no-host'>((r) => { finish = r; });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('console', (m) => { if (/No extension host found that can launch the test runner/.test(m.text())) finish('no-host'); });
    forwardConsole(page, TAG);
    await page.goto(server.url(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(ROOT)],
      ['extensionTestsPath', server.remoteUri(bundle)],
    ]));
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    let counts: Counts | undefined;
    try { counts = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Counts; } catch { counts = undefined; }
    if (code === 'timeout' || code === 'no-host' || !counts) {
      const shot = path.join(ROOT, '.test-results', 'vscode-timeout.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.error(`[vscode] the suite did not finish (${code}); server log ${server.logFile}; screenshot ${shot}`);
      return { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1, pending: 0 };
    }
    if (code !== 0 && counts.failed === 0) counts.failed = 1; // failed outside a test (a hook, the runner)
    return counts;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (!process.env['SWARM_TEST_KEEP_TMP']) fs.rmSync(tmp, { recursive: true, force: true });
    labs.teardownAll();
  }
}

main().then((counts) => {
  const summary = process.env['SWARM_TEST_SUMMARY'];
  if (summary) fs.writeFileSync(summary, JSON.stringify({ passed: counts.passed, failed: counts.failed, pending: counts.pending }));
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}, (err: unknown) => {
  console.error('[vscode]', err);
  process.exit(2);
});
