// The real docker CLI as the oracle: `docker stack config -c FILE` (its loader: YAML, interpolation,
// schema, typed load; no daemon) run on many files with bounded parallelism. The CLI used is the
// first `docker` on PATH and must be 28.x (CI installs 28.2.2 there; Debian's docker.io adds 20.10).
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readableFile } from '../../src/stackFiles/lintContext';

export interface CliVerdict { readonly exit: number; readonly stderr: string }

export interface CliCase { readonly text: string; readonly env?: Readonly<Record<string, string>> }

/** `Docker version 28.2.2, build e6534b4`: the version of the first docker on PATH, or a clear error. */
export function dockerCliVersion(): string {
  let out: string;
  try {
    out = execFileSync('docker', ['--version'], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`the docker CLI is not on PATH (${e instanceof Error ? e.message : String(e)}): install docker CLI 28.x`);
  }
  const m = /Docker version (\d+\.\d+\.\d+)/.exec(out);
  if (!m?.[1]?.startsWith('28.')) throw new Error(`the first docker on PATH is "${out.trim()}": these tests need docker CLI 28.x (put it first on PATH)`);
  return m[1];
}

/** Files the generated stacks may point to (`file:`, `env_file:`), written beside them. */
export const FIXTURE_FILES: Readonly<Record<string, string>> = {
  'secret.txt': 's3cret\n',
  'app.conf': 'listen 80;\n',
  'app.env': 'FROM_FILE=1\n# a comment\nEMPTY_IN_FILE=\n',
};

export class CaseDir {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-cases-'));
  constructor() {
    for (const [name, body] of Object.entries(FIXTURE_FILES)) fs.writeFileSync(path.join(this.dir, name), body);
    fs.mkdirSync(path.join(this.dir, '.docker'));
  }
  write(i: number, text: string): string {
    const file = path.join(this.dir, `case-${String(i).padStart(5, '0')}.yml`);
    fs.writeFileSync(file, text);
    return file;
  }
  exists = (rel: string): boolean => readableFile(this.dir, rel);
  remove(): void { fs.rmSync(this.dir, { recursive: true, force: true }); }
}

/** The environment the CLI runs with: only PATH, a private HOME and DOCKER_CONFIG, and the case's variables. */
export function cliEnv(dir: string, vars: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, DOCKER_CONFIG: path.join(dir, '.docker'), ...vars };
}

function runOne(args: readonly string[], env: Record<string, string>): Promise<CliVerdict> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { if (stderr.length < 4000) stderr += b.toString('utf8'); });
    child.on('error', (e) => resolve({ exit: 127, stderr: e.message }));
    child.on('close', (code, signal) => resolve({ exit: code ?? (signal ? 128 : 1), stderr: stderr.trim() }));
  });
}

/** Runs `docker <args(file)>` for every file, `parallel` at a time, in input order. */
export async function runEach(files: readonly { file: string; env: Record<string, string> }[], args: (file: string) => string[], parallel = 4): Promise<CliVerdict[]> {
  const out: CliVerdict[] = new Array<CliVerdict>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const f = files[i];
      if (f) out[i] = await runOne(args(f.file), f.env);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker));
  return out;
}

export const stackConfigArgs = (file: string): string[] => ['stack', 'config', '-c', file];
