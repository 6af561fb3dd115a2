// The divergences the linter once had (those issue 8 listed, those the generator found), each as
// named files with the verdict the docker CLI gives them (`docker stack config -c`, CLI 28.x): the CLI
// must still say so, and the linter must agree with it, verdict and cause, and put a YAML error near
// the CLI's line (go-yaml names the line of its context mark: for a parser error, the line before the
// one at fault).
import assert from 'node:assert/strict';
import { lintStack, phaseOf } from '../../src/stackLint';
import { causeCodes } from '../support/cliMessages';
import { CaseDir, cliEnv, dockerCliVersion, runEach, stackConfigArgs, type CliVerdict } from '../support/dockerCli';

interface Case { readonly name: string; readonly text: string; readonly refused: boolean }

const svc = (body: string, version = '3.8'): string => `version: "${version}"\nservices:\n  web:\n    image: busybox:1\n${body}`;

const CASES: Case[] = [
  // Keys that arrive by a merge are schema-checked.
  { name: '`replica` merged from an x- anchor', refused: true, text: 'version: "3.8"\nx-common: &common\n  replica: 2\nservices:\n  web:\n    <<: *common\n    image: busybox:1\n' },
  { name: 'a bad interval merged from an x- anchor', refused: true, text: 'version: "3.8"\nx-hc: &hc\n  healthcheck:\n    test: [CMD, "true"]\n    interval: 30 seconds\nservices:\n  web:\n    <<: *hc\n    image: busybox:1\n' },
  { name: 'a good anchor merged', refused: false, text: 'version: "3.8"\nx-common: &common\n  deploy:\n    replicas: 2\nservices:\n  web:\n    <<: *common\n    image: busybox:1\n' },
  // YAML 1.1 scalars as yaml.v3 reads them.
  { name: '`read_only: yes` (a string for yaml.v3)', refused: true, text: svc('    read_only: yes\n') },
  { name: '`read_only: true`', refused: false, text: svc('    read_only: true\n') },
  { name: '`environment: {A: on}` (a string: fine there)', refused: false, text: svc('    environment:\n      A: on\n') },
  { name: 'a secret mode 0440 (octal)', refused: false, text: svc('    secrets:\n      - source: s\n        mode: 0440\n') + 'secrets:\n  s:\n    external: true\n' },
  // Required keys.
  { name: 'a ulimit without `hard`', refused: true, text: svc('    ulimits:\n      nofile:\n        soft: 65536\n') },
  { name: 'a long volume without `type`', refused: true, text: svc('    volumes:\n      - source: data\n        target: /data\n') + 'volumes:\n  data:\n' },
  // uniqueItems.
  { name: 'a port twice', refused: true, text: svc('    ports:\n      - "80:80"\n      - "80:80"\n') },
  { name: 'an environment item twice', refused: true, text: svc('    environment:\n      - A=1\n      - A=1\n') },
  { name: 'two different ports', refused: false, text: svc('    ports:\n      - "80:80"\n      - "81:81"\n') },
  // Port ranges.
  { name: 'port ranges of different lengths', refused: true, text: svc('    ports:\n      - "8080-8090:80-85"\n') },
  { name: 'port ranges of one length', refused: false, text: svc('    ports:\n      - "8080-8085:80-85"\n') },
  // Keys that are not in the schema.
  { name: '`deploy.resources.memory_swap`', refused: true, text: svc('    deploy:\n      resources:\n        memory_swap: 1g\n') },
  { name: '`deploy.resources.limits.memory_swappiness`', refused: true, text: svc('    deploy:\n      resources:\n        limits:\n          memory_swappiness: 10\n') },
  // Templates.
  { name: 'an unclosed `${`', refused: true, text: svc('', '3.8').replace('busybox:1', '"busybox:${TAG"') },
  { name: 'a `$$` escape', refused: false, text: svc('    command: echo $$HOME\n') },
  // Valid files the linter used to refuse.
  { name: '`bind.create_host_path`', refused: false, text: svc('    volumes:\n      - type: bind\n        source: /srv\n        target: /srv\n        bind:\n          create_host_path: true\n') },
  { name: '`bind.create_host_path` that is no boolean (the CLI drops the key)', refused: false, text: svc('    volumes:\n      - type: bind\n        source: /srv\n        target: /srv\n        bind:\n          create_host_path: "yes"\n') },
  { name: 'several documents (the CLI reads the first)', refused: false, text: svc('') + '---\nversion: "3.8"\nservices:\n  web:\n    nonsense: 1\n' },
  // Parser paths.
  { name: 'a block scalar as a list item, CRLF', refused: false, text: svc('    command:\n      - sh\n      - -c\n      - |\n        echo hi\n        sleep 1\n').replace(/\n/g, '\r\n') },
  { name: 'a block scalar as a list item, a tab inside it', refused: false, text: svc('    command:\n      - sh\n      - |\n        echo\thi\n') },
  { name: 'a YAML error on line 5', refused: true, text: svc('    ports: [80\n') },
  { name: 'a BOM, then a YAML error on line 5', refused: true, text: '\ufeff' + svc('    ports: [80\n') },
  { name: 'a BOM, then an unknown key on line 5', refused: true, text: '\ufeff' + svc('    imag: x\n') },
  { name: 'a tab indenting a key', refused: true, text: svc('\tcommand: sleep 1\n') },
  // Found by the generator (SWARM_ORACLE_CASES=20000).
  { name: 'a scalar root going on over a less-indented line', refused: true, text: '  vers\nion: "3.8"\nservices:\n  web:\n    image: a\n' },
  { name: 'an empty ulimit the schema leaves open', refused: false, text: svc('    ulimits:\n      nofile: 5\n      x-note: ~\n') },
  { name: '`env_file: \'\'` (the stack file\'s folder)', refused: true, text: svc("    env_file: ''\n") },
];

/** The first minor version with each feature (read from the compose schemas of docker/cli), on each version 3.0 … 3.13. */
const FEATURES: readonly { readonly name: string; readonly since: number; readonly text: (v: string) => string }[] = [
  { name: 'a long-syntax port', since: 2, text: (v) => svc('    ports:\n      - target: 80\n        published: 8080\n', v) },
  { name: 'a long-syntax volume', since: 2, text: (v) => svc('    volumes:\n      - type: tmpfs\n        target: /tmp\n', v) },
  { name: 'configs', since: 3, text: (v) => svc('    configs: [c]\n', v) + 'configs:\n  c:\n    external: true\n' },
  { name: 'top-level x- keys', since: 4, text: (v) => `x-note: 1\n${svc('', v)}` },
  { name: 'healthcheck.start_period', since: 4, text: (v) => svc('    healthcheck:\n      test: [CMD, "true"]\n      start_period: 5s\n', v) },
  { name: 'a secret `name`', since: 5, text: (v) => svc('', v) + 'secrets:\n  s:\n    name: real\n    external: true\n' },
  { name: 'x- keys on a network', since: 7, text: (v) => svc('', v) + 'networks:\n  n:\n    x-note: 1\n' },
  { name: 'x- keys in a service', since: 7, text: (v) => svc('    x-note: 1\n', v) },
  { name: 'deploy.rollback_config', since: 7, text: (v) => svc('    deploy:\n      rollback_config:\n        parallelism: 1\n', v) },
  { name: 'init', since: 7, text: (v) => svc('    init: true\n', v) },
  { name: 'a secret template_driver', since: 8, text: (v) => svc('', v) + 'secrets:\n  s:\n    file: ./secret.txt\n    template_driver: golang\n' },
  { name: 'deploy.placement.max_replicas_per_node', since: 8, text: (v) => svc('    deploy:\n      placement:\n        max_replicas_per_node: 1\n', v) },
];
for (const f of FEATURES) {
  for (let minor = 0; minor <= 13; minor++) CASES.push({ name: `${f.name} in 3.${minor}`, refused: minor < f.since, text: f.text(`3.${minor}`) });
}

describe(`the issue's divergences, held to docker stack config (${CASES.length} files)`, function () {
  let dir: CaseDir;
  let cli: CliVerdict[];

  before(async function () {
    dockerCliVersion();
    dir = new CaseDir();
    cli = await runEach(CASES.map((c, i) => ({ file: dir.write(i, c.text), env: cliEnv(dir.dir) })), stackConfigArgs, 4);
  });

  after(() => dir?.remove());

  it('the CLI still judges each file as recorded', () => {
    const wrong = CASES.flatMap((c, i) => ((cli[i] as CliVerdict).exit !== 0) === c.refused ? [] : [`${c.name}: the CLI ${c.refused ? 'accepts it' : `refuses it: ${(cli[i] as CliVerdict).stderr.split('\n')[0] ?? ''}`}`]);
    assert.deepEqual(wrong, []);
  });

  it('the linter gives the CLI\'s verdict and cause, a YAML error on the CLI\'s line', () => {
    const wrong: string[] = [];
    CASES.forEach((c, i) => {
      const v = cli[i] as CliVerdict;
      const errors = lintStack(c.text, { env: {}, fileExists: dir.exists }).filter((d) => d.severity === 'error' && phaseOf(d.code) === 'load');
      const cause = v.exit !== 0 ? causeCodes(v.stderr) : undefined;
      const line = /^yaml: line (\d+):/.exec(v.stderr)?.[1];
      const ok = (v.exit !== 0) === errors.length > 0
        && (v.exit === 0 || (cause !== undefined && errors.some((d) => cause.includes(d.code))))
        && (line === undefined || errors.some((d) => Math.abs(d.range.start.line + 1 - Number(line)) <= 1));
      if (!ok) wrong.push(`${c.name}: CLI ${v.exit ? `refuses: ${v.stderr.split('\n')[0] ?? ''}` : 'accepts'}; linter ${JSON.stringify(errors.map((d) => `${d.code}@${d.range.start.line + 1}`))}`);
    });
    assert.deepEqual(wrong, []);
  });

  it('a BOM moves no diagnostic', () => {
    for (const c of CASES.filter((x) => x.text.startsWith('\ufeff'))) {
      const ranges = (text: string) => lintStack(text, { env: {} }).map((d) => `${d.code} ${JSON.stringify(d.range)}`);
      assert.deepEqual(ranges(c.text), ranges(c.text.slice(1)), c.name);
    }
  });
});
