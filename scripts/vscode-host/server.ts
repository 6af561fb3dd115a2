// The real VS Code server (code-server's lib/vscode), started on 127.0.0.1 for `npm start`, the
// extension-host tests and the UI tests. It listens on loopback only, hence no connection token.
// The server is started in its own process group so that stopping it stops its extension hosts too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

/** server-main.js of the cached install (installs it when missing). */
export function serverMain(): string {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'vscode-host', 'install.sh'), '--quiet'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const main = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !fs.existsSync(main)) throw new Error('the VS Code server is not installed (scripts/vscode-host/install.sh failed; see above)');
  return main;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** `preferred` when free, else the next free port above it (or any free port when preferred is 0). */
export async function choosePort(preferred: number): Promise<number> {
  if (preferred > 0) for (let p = preferred; p < preferred + 50; p++) if (await portFree(p)) return p;
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

export interface ServerDirs {
  /** Holds server data, user data (settings.json) and extensions. */
  readonly root: string;
}

export const userSettingsFile = (d: ServerDirs): string => path.join(d.root, 'data', 'User', 'settings.json');
const extensionsDir = (d: ServerDirs): string => path.join(d.root, 'extensions');

export function writeUserSettings(d: ServerDirs, settings: Readonly<Record<string, unknown>>): void {
  const file = userSettingsFile(d);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

/** `--install-extension` of the server itself: the same path a user's `code --install-extension` takes. */
export function installVsix(main: string, d: ServerDirs, vsix: string): void {
  fs.mkdirSync(extensionsDir(d), { recursive: true });
  const r = spawnSync(process.execPath, [main, '--install-extension', vsix, '--force', '--extensions-dir', extensionsDir(d)],
    { encoding: 'utf8' });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    // The server prints minified source lines with its errors: keep the message lines only.
    const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.length < 300).slice(-15).join('\n');
    throw new Error(`installing ${vsix} into the VS Code server failed:\n${lines}`);
  }
}

export interface RunningServer {
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  /** `vscode-remote://127.0.0.1:PORT`: how the workbench names files of this server. */
  readonly authority: string;
  /** Workbench URL with a folder open and an optional payload (openFile, extensionDevelopmentPath, …). */
  url(folder?: string, payload?: readonly (readonly [string, string])[]): string;
  remoteUri(absPath: string): string;
  stop(): Promise<void>;
}

export async function startServer(main: string, d: ServerDirs, port: number, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  fs.mkdirSync(d.root, { recursive: true });
  const logFile = path.join(d.root, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [main, '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', path.join(d.root, 'server'), '--user-data-dir', path.join(d.root, 'data'),
    '--extensions-dir', extensionsDir(d)],
  { detached: true, stdio: ['ignore', 'pipe', log], env: { ...process.env, ...env } });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the VS Code server did not start');
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the VS Code server did not listen within 60 s; see ${logFile}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      fs.appendFileSync(logFile, chunk);
      out += chunk.toString();
      if (/Extension host agent listening on/.test(out)) { clearTimeout(timer); resolve(); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the VS Code server exited (${code}); see ${logFile}`)); });
  });
  // Keep draining stdout into the log once it is up.
  child.stdout?.removeAllListeners('data');
  child.stdout?.on('data', (chunk: Buffer) => fs.appendFileSync(logFile, chunk));
  fs.closeSync(log);
  const authority = `127.0.0.1:${port}`;
  return {
    port, pid, logFile, authority: `vscode-remote://${authority}`,
    remoteUri: (p) => `vscode-remote://${authority}${p}`,
    url(folder, payload) {
      const q: string[] = [folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true'];
      if (payload && payload.length > 0) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `http://${authority}/?${q.join('&')}`;
    },
    stop: () => stopGroup(child),
  };
}

/** SIGTERM to the server's process group, SIGKILL after 5 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } resolve(); }, 5_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    try { process.kill(-pid, 'SIGTERM'); } catch { clearTimeout(timer); resolve(); }
  });
}
