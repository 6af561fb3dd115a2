// `npm start [-- --nodes N] [-- --managers M] [-- --no-lab] [-- --port P]`: the product, running.
// Builds the extension and its .vsix, brings up the demo lab (3 managers + 2 workers by default),
// seeds the demo (scripts/demo), installs the .vsix into the real VS Code server on 127.0.0.1 with
// swarm.dockerHost on the lab's manager, and prints the URL to open. Ctrl-C stops VS Code and tears
// the lab down. A run after a crash first removes what the crashed one left (its server, its lab).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedDemo } from './demo/seed';
import { packageVsix } from './vscode-host/packageVsix';
import { choosePort, installVsix, ROOT, serverMain, startServer, writeUserSettings } from './vscode-host/server';

const LAB = 'demo';
const DEFAULT_PORT = 8640;
const STATE = path.join(process.env['SWARM_VSCODE_CACHE'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'swarm-operator'), 'demo');
const PID_FILE = path.join(STATE, 'server.pid');

interface Options { nodes: number; managers: number; lab: boolean; port: number }

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { nodes: 5, managers: 3, lab: true, port: DEFAULT_PORT };
  let managersGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a whole number ≥ 1`);
      return v;
    };
    if (a === '--nodes') o.nodes = value();
    else if (a === '--managers') { o.managers = value(); managersGiven = true; }
    else if (a === '--port') o.port = value();
    else if (a === '--no-lab') o.lab = false;
    else if (a === '--help' || a === '-h') { console.log('npm start [-- --nodes N] [--managers M] [--no-lab] [--port P]'); process.exit(0); }
    else throw new Error(`unknown argument ${a} (npm start -- --help)`);
  }
  if (!managersGiven) o.managers = Math.min(o.managers, o.nodes);  // `--nodes 1`: one manager
  if (o.managers > o.nodes) throw new Error(`--managers ${o.managers} is more than --nodes ${o.nodes}`);
  return o;
}

const step = (what: string): void => console.log(`\n[start] ${what}`);
const lab = (script: string, ...args: string[]): string =>
  execFileSync('bash', [path.join(ROOT, 'scripts', 'lab', script), '--name', LAB, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

let labUp = false;
function teardown(): void {
  if (!labUp) return;
  labUp = false;
  step(`tearing down the lab "${LAB}"`);
  try { lab('down.sh', '--quiet'); } catch { console.error('[start] down.sh failed: run bash scripts/lab/down.sh --name demo'); }
}

/** A server a crashed run left behind: its pid file names it; kill it only if it is still our server. */
function killLeftoverServer(): void {
  const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  if (!cmdline.includes('server-main.js') || !cmdline.includes(STATE)) return;
  console.log(`[start] stopping the VS Code server a previous run left (pid ${pid})`);
  try { process.kill(-pid, 'SIGKILL'); } catch { process.kill(pid, 'SIGKILL'); }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  step('prerequisites (Debian packages, the VS Code server in its cache)');
  if (spawnSync('bash', [path.join(ROOT, 'scripts', 'prereqs.sh')], { stdio: 'inherit' }).status !== 0) throw new Error('prerequisites failed (see above)');
  fs.mkdirSync(STATE, { recursive: true });
  try { killLeftoverServer(); } catch { /* no leftover */ }

  step('build the extension and its .vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = packageVsix();
  console.log(`[start] ${path.relative(ROOT, vsix)}`);

  const workspace = path.join(STATE, 'workspace');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'scripts', 'demo', 'workspace'), workspace, { recursive: true });
  let dockerHost: string | undefined;
  if (o.lab) {
    step(`the lab "${LAB}": ${o.managers} manager(s) + ${o.nodes - o.managers} worker(s) (a fresh one: leftovers of an earlier run go first)`);
    lab('down.sh', '--quiet');
    labUp = true;
    const out = lab('up.sh', '--nodes', String(o.nodes), '--managers', String(o.managers), '--quiet');
    dockerHost = /^export DOCKER_HOST=(\S+)$/m.exec(out)?.[1];
    if (!dockerHost) throw new Error('up.sh printed no DOCKER_HOST');
    step('seeding the demo: stack "shop", a failing service');
    await seedDemo(dockerHost, workspace);
  }

  step('the VS Code server');
  const main = serverMain();
  const dirs = { root: path.join(STATE, 'vscode') };
  fs.rmSync(dirs.root, { recursive: true, force: true });
  installVsix(main, dirs, vsix);
  writeUserSettings(dirs, {
    ...(dockerHost ? { 'swarm.dockerHost': dockerHost } : {}),
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false,
  });
  const server = await startServer(main, dirs, await choosePort(o.port));
  fs.writeFileSync(PID_FILE, String(server.pid));
  const broken = path.join(workspace, 'docker-stack.staging.yml');
  const url = server.url(workspace, [['openFile', server.remoteUri(broken)]]);

  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    step('stopping VS Code');
    await server.stop();
    fs.rmSync(PID_FILE, { force: true });
    teardown();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => { void stop(0); });
  console.log(`\n  Docker Swarm Operator is running in VS Code ${dockerHost ? `against the lab "${LAB}" (${dockerHost})` : 'against your Docker endpoint (DOCKER_HOST, context, default socket)'}.`);
  console.log(`\n  Open  ${url}\n`);
  console.log(`  (listening on 127.0.0.1 only; server log ${server.logFile}). Ctrl-C stops VS Code${o.lab ? ' and tears the lab down' : ''}.`);
  // The server going away by itself ends the run too.
  const watch = setInterval(() => {
    try { process.kill(server.pid, 0); } catch { clearInterval(watch); console.error('[start] the VS Code server exited'); void stop(1); }
  }, 2_000);
}

main().catch((err: unknown) => {
  console.error(`\n[start] ${err instanceof Error ? err.message : String(err)}`);
  teardown();
  process.exit(1);
});
