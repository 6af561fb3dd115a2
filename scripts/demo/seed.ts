// The demo `npm start` shows: the stack "shop" (web ×3 with a slow rolling-update policy, api ×2
// with a secret, a global node-exporter, an overlay network, a config), deployed by the docker CLI
// as a user would, plus one service that can never start (the lab's failing image) so that error
// states are visible.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/** The machine's docker CLI 28 when it is there (Debian's docker.io adds an older one). */
const DOCKER = fs.existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : 'docker';

export async function seedDemo(dockerHost: string, workspace: string): Promise<void> {
  const docker = (...args: string[]): string =>
    execFileSync(DOCKER, ['-H', dockerHost, ...args], { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  docker('stack', 'deploy', '--detach=true', '--resolve-image', 'never', '-c', 'docker-stack.yml', 'shop');
  docker('service', 'create', '--detach', '--name', 'payments', '--no-resolve-image', '--restart-delay', '5s',
    '--label', 'demo.note=fails on purpose: its image exits 1', 'local/busybox:fail');
  console.log(docker('service', 'ls').trimEnd());
}
