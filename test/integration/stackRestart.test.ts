// `restart:` says one thing and does another; the engine shows which. One stack per value is deployed
// with the real CLI; the restart policy each service gets (read back from the engine, without inserted
// defaults) must be what src/stack/restart.ts says, and what the linter's message says.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { restartEffect } from '../../src/stack/restart';
import { lintStack } from '../../src/stackLint';
import { dockerCliVersion } from '../support/dockerCli';
import { dockerFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';

const run = promisify(execFile);
const VALUES = ['no', 'always', 'unless-stopped', 'on-failure', 'on-failure:3'];

const stack = (): string => `version: "3.8"
services:
${VALUES.map((v, i) => `  s${i}:\n    image: local/busybox:1\n    command: ["sleep", "3600"]\n    init: true\n    restart: "${v}"\n`).join('')}  wins:
    image: local/busybox:1
    command: ["sleep", "3600"]
    init: true
    restart: on-failure:3
    deploy:
      restart_policy:
        condition: none
`;

interface Policy { Condition?: string; MaxAttempts?: number }

describe('restart: what the CLI says it ignores, and what the service gets', function () {
  let lab: Lab;
  let docker: Docker;
  let dir: string;
  let stderr = '';

  before(async function () {
    dockerCliVersion();
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restart-'));
    fs.writeFileSync(path.join(dir, 'stack.yml'), stack());
    const r = await run('docker', ['stack', 'deploy', '--resolve-image', 'never', '--detach=true', '-c', path.join(dir, 'stack.yml'), 'rst'], { env: { ...process.env, DOCKER_HOST: lab.host } });
    stderr = r.stderr;
  });

  after(async function () {
    if (lab) await run('docker', ['stack', 'rm', 'rst'], { env: { ...process.env, DOCKER_HOST: lab.host } }).catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const policyOf = async (name: string): Promise<Policy | undefined> => {
    const s = await docker.getService(`rst_${name}`).inspect() as { Spec: { TaskTemplate: { RestartPolicy?: Policy } } };
    return s.Spec.TaskTemplate.RestartPolicy;
  };

  it('the CLI warns "Ignoring unsupported options: restart"', () => {
    assert.match(stderr, /Ignoring unsupported options: restart/);
  });

  it('each value becomes the policy restart.ts and the linter say', async () => {
    const found = lintStack(stack()).filter((d) => d.code === 'restart-ignored');
    for (const [i, value] of VALUES.entries()) {
      const policy = await policyOf(`s${i}`);
      const effect = restartEffect(value);
      const message = found.find((d) => d.message.includes(`services.s${i}.restart`))?.message ?? '';
      if (effect.kind === 'default') {
        assert.equal(policy, undefined, `${value}: no policy sent, so swarm's default (any) applies`);
        assert.match(message, /condition any.*forever/);
      } else if (effect.kind === 'any') {
        assert.deepEqual(policy?.Condition, 'any', value);
        assert.match(message, /condition any/);
      } else if (effect.kind === 'on-failure') {
        assert.deepEqual([policy?.Condition, policy?.MaxAttempts ?? 0], ['on-failure', effect.maxAttempts], value);
        assert.match(message, effect.maxAttempts > 0 ? new RegExp(`max_attempts ${effect.maxAttempts}`) : /unlimited attempts/);
      } else assert.fail(`${value}: ${effect.message}`);
    }
  });

  it('with deploy.restart_policy the policy wins and `restart` has no effect', async () => {
    assert.equal((await policyOf('wins'))?.Condition, 'none');
    assert.ok(lintStack(stack()).some((d) => d.code === 'restart-ignored' && /services\.wins\.restart` has no effect/.test(d.message)));
  });
});
