// The checks only `docker stack deploy` makes (the CLI after loading, its converter, the engine) held to a
// real deploy: generated stack files that `docker stack config` accepts are deployed on the lab with
// `--resolve-image never`, and the verdict (refused or not) must be the linter's, with the swarm's facts
// (its external objects), and a refusal's cause must be among the linter's errors. Stacks are deployed
// in waves of files that cannot collide with each other (published ports, fixed names), each wave
// removed before the next, so one file's verdict never depends on another's.   SWARM_DEPLOY_SAMPLE=n (default 200), SWARM_DEPLOY_SEED=n to explore.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readClusterFacts } from '../../src/cli/clusterFacts';
import { readStack } from '../../src/stack/document';
import { lintStack, phaseOf, type ClusterFacts } from '../../src/stackLint';
import { causeCodes } from '../support/cliMessages';
import { CaseDir, cliEnv, dockerCliVersion, runEach, stackConfigArgs, type CliVerdict } from '../support/dockerCli';
import { labs, SMALL, type Lab } from '../support/lab';
import { generateCases, type GeneratedCase } from '../support/stackGen';

const SAMPLE = Number(process.env['SWARM_DEPLOY_SAMPLE'] ?? 200);
const SEED = Number(process.env['SWARM_DEPLOY_SEED'] ?? 4242);
const run = promisify(execFile);

/** What a stack claims in the swarm beyond its own `<stack>_` names: published ports and fixed names. */
function claims(c: GeneratedCase): string[] {
  const model = readStack(c.text, c.env).model;
  if (!model) return [];
  const out: string[] = [];
  for (const s of model.services) {
    for (const p of s.ports) for (let n = p.published?.start ?? 0; n > 0 && n <= (p.published?.end ?? 0); n++) out.push(`port:${n}`);
  }
  for (const defs of [model.networks, model.secrets, model.configs, model.volumes]) for (const d of defs.values()) if (d.name) out.push(`name:${d.name.value}`);
  return out;
}

/** Greedy waves: each case joins the first wave none of whose cases claims what it claims. */
function waves(items: readonly { i: number; claims: string[] }[]): number[][] {
  const out: { ids: number[]; taken: Set<string> }[] = [];
  for (const it of items) {
    let w = out.find((x) => it.claims.every((k) => !x.taken.has(k)));
    if (!w) out.push((w = { ids: [], taken: new Set() }));
    w.ids.push(it.i);
    for (const k of it.claims) w.taken.add(k);
  }
  return out.map((w) => w.ids);
}

describe(`docker stack deploy vs the linter: ${SAMPLE} generated stack files on a real swarm`, function () {
  this.timeout(600_000);
  let lab: Lab;
  let dir: CaseDir;
  let facts: ClusterFacts;

  before(async function () {
    dockerCliVersion();
    lab = labs.get(SMALL);
    dir = new CaseDir();
    // The network drivers the engines have: what `docker info` says (swarm-lint --cluster does not read them yet).
    const drivers = JSON.parse((await run('docker', ['info', '--format', '{{json .Plugins.Network}}'], { env: { ...process.env, DOCKER_HOST: lab.host } })).stdout) as string[];
    facts = { ...(await readClusterFacts(lab.host)), networkDrivers: drivers };
  });

  after(() => dir?.remove());

  const docker = (args: string[]) => run('docker', args, { env: { ...process.env, DOCKER_HOST: lab.host } }).then((r) => r.stdout, () => '');

  /** Removes the wave's stacks, then what failed deploys leave behind (networks, secrets, configs with a stack label). */
  async function clean(stacks: readonly string[]): Promise<void> {
    await docker(['stack', 'rm', ...stacks]);
    for (let tries = 0; tries < 60; tries++) {
      const left = (await docker(['service', 'ls', '-q', '--filter', 'label=com.docker.stack.namespace'])).trim();
      if (left === '') break;
      await new Promise((res) => setTimeout(res, 500));
    }
    // Networks go once their tasks are gone: retry until none is left (a fixed name must be free for the next wave).
    for (const kind of ['network', 'secret', 'config']) {
      for (let tries = 0; tries < 60; tries++) {
        const ids = (await docker([kind, 'ls', '-q', '--filter', 'label=com.docker.stack.namespace'])).split('\n').filter(Boolean);
        if (ids.length === 0) break;
        await docker([kind, 'rm', ...ids]);
        await new Promise((res) => setTimeout(res, 250));
      }
    }
  }

  it('refuses exactly the files the deploy refuses', async function () {
    const t0 = Date.now();
    const cases = generateCases(SEED, SAMPLE * 3);
    const files = cases.map((c, i) => ({ file: dir.write(i, c.text), env: cliEnv(dir.dir, c.env) }));
    const config = await runEach(files, stackConfigArgs, 4);
    const picked = cases.map((_, i) => i).filter((i) => config[i]?.exit === 0).slice(0, SAMPLE);
    const plan = waves(picked.map((i) => ({ i, claims: claims(cases[i] as GeneratedCase) })));
    const deployed = new Map<number, CliVerdict>();
    let cleaning = 0;
    for (const wave of plan) {
      const verdicts = await runEach(wave.map((i) => ({ file: files[i]?.file ?? '', env: { ...files[i]?.env, DOCKER_HOST: lab.host } })),
        (f) => ['stack', 'deploy', '--resolve-image', 'never', '--detach=true', '-c', f, `ds${/case-(\d+)/.exec(f)?.[1] ?? 'x'}`], 3);
      wave.forEach((i, k) => deployed.set(i, verdicts[k] as CliVerdict));
      const c0 = Date.now();
      await clean(wave.map((i) => `ds${String(i).padStart(5, '0')}`));
      cleaning += Date.now() - c0;
    }
    const wrong: string[] = [];
    let refused = 0;
    for (const i of picked) {
      const c = cases[i] as GeneratedCase;
      const v = deployed.get(i) as CliVerdict;
      const errors = lintStack(c.text, { env: c.env, fileExists: dir.exists, cluster: facts })
        .filter((d) => d.severity === 'error' && phaseOf(d.code) !== 'advice');
      if (v.exit !== 0) refused++;
      const cause = v.exit !== 0 ? causeCodes(v.stderr) : undefined;
      const causeOk = v.exit === 0 || (cause !== undefined && errors.some((d) => cause.includes(d.code)));
      if ((v.exit !== 0) !== errors.length > 0 || !causeOk) {
        wrong.push(`case ${i} (${c.recipe}): deploy ${v.exit !== 0 ? `refuses: ${v.stderr.replace(/\n+/g, ' | ').slice(0, 300)}` : 'succeeds'}; `
          + `linter: ${JSON.stringify(errors.map((d) => `${d.code}@${d.range.start.line + 1}`))}\n${c.text}`);
      }
    }
    const agree = picked.length - wrong.length;
    console.log(`      ${picked.length} deploys in ${plan.length} waves, ${((Date.now() - t0) / 1000).toFixed(0)} s (${(cleaning / 1000).toFixed(0)} s removing): ${refused} refused; `
      + `agreement ${agree}/${picked.length} (${((100 * agree) / picked.length).toFixed(1)}%)`);
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} disagreements, first ones above`);
  });
});
