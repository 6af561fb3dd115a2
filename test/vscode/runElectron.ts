// The same extension-host suite under @vscode/test-electron, for machines that can download VS Code
// (this one cannot: it has no internet). Usage, after `npm run build`:
//   SWARM_IT_DOCKER_HOST=unix:///run/swarm-lab/<lab>/node1.sock SWARM_IT_LAB=<lab> npx tsx test/vscode/runElectron.ts
// It downloads VS Code (stable, or $VSCODE_VERSION) into .vscode-test/, opens a copy of
// test/vscode/workspace with swarm.dockerHost set to the lab, and runs dist/test/vscode.js.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.join(__dirname, '..', '..');
  const host = process.env['SWARM_IT_DOCKER_HOST'];
  if (!host) throw new Error('set SWARM_IT_DOCKER_HOST to a lab manager (bash scripts/lab/up.sh --name <lab> --nodes 3 prints it)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  const userData = path.join(tmp, 'user');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'swarm.dockerHost': host, 'swarm.tasks.fastPollSeconds': 0.5 }));
  await runTests({
    version: process.env['VSCODE_VERSION'] ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'vscode.js'),
    launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { SWARM_IT_DOCKER_HOST: host, SWARM_IT_LAB: process.env['SWARM_IT_LAB'] ?? '' },
  });
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
