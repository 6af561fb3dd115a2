import assert from 'node:assert/strict';
import { lintStack } from '../../src/stackLint';
import { parsePortSpec } from '../../src/stack/ports';
import { parseBytes, parseCpus, parseDuration } from '../../src/stack/units';
import { closest, editDistance } from '../../src/domain/suggest';

// A realistic stack using anchors, long and short syntaxes, and every top-level section.
const CLEAN = `
version: "3.8"

x-common: &common
  logging:
    driver: json-file
    options:
      max-size: "10m"
      max-file: 3

services:
  web:
    <<: *common
    image: nginx:1.27
    ports:
      - "8080:80"
      - target: 443
        published: 8443
        protocol: tcp
        mode: host
    networks:
      - front
    configs:
      - source: nginx_conf
        target: /etc/nginx/nginx.conf
    deploy:
      replicas: 2
      update_config:
        parallelism: 1
        delay: 10s
        order: start-first
        failure_action: rollback
      rollback_config:
        failure_action: pause
      restart_policy:
        condition: on-failure
        delay: 5s
        max_attempts: 3
        window: 2m
      resources:
        limits:
          cpus: "0.5"
          memory: 512M
        reservations:
          memory: 128m
      placement:
        constraints:
          - node.role == worker
          - node.labels.zone != edge
  api:
    image: example/api:\${TAG:-latest}
    environment:
      DB_HOST: db
      DB_PORT: 5432
      DEBUG: "false"
    secrets:
      - db_password
    networks:
      front:
        aliases: [api]
      back:
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost/health"]
      interval: 30s
      timeout: 5s
      retries: 3
      start_period: 1m30s
    stop_grace_period: 20s
  db:
    image: postgres:16
    volumes:
      - db_data:/var/lib/postgresql/data
      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro
      - type: volume
        source: db_logs
        target: /logs
    networks: [back]
    secrets:
      - source: db_password
        target: pg_pass
        mode: 0400
    deploy:
      mode: global
      endpoint_mode: dnsrr
      placement:
        constraints: [node.platform.os == linux]

networks:
  front:
    driver: overlay
  back:
    driver: overlay
    attachable: true

volumes:
  db_data:
  db_logs:
    driver: local

secrets:
  db_password:
    file: ./secrets/db_password.txt

configs:
  nginx_conf:
    external: true
`;

/** 250 services, 20 lines each: about 5,000 lines. */
function bigStack(): string {
  const lines = ['version: "3.8"', 'services:'];
  for (let i = 0; i < 250; i++) {
    lines.push(
      `  svc${i}:`, `    image: registry.example/app${i}:1.0`, '    environment:', `      ID: "${i}"`, '      MODE: prod',
      '    networks: [net]', '    ports:', `      - "${10000 + i}:80"`, '    deploy:', '      replicas: 2',
      '      update_config:', '        delay: 10s', '        order: start-first', '      resources:', '        limits:',
      '          cpus: "0.25"', '          memory: 256M', '      placement:', '        constraints: [node.role == worker]',
      '    stop_grace_period: 30s',
    );
  }
  lines.push('networks:', '  net:', '    driver: overlay', '');
  return lines.join('\n');
}

/** Deterministic PRNG so a failing mutation can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

function mutate(text: string, rand: () => number): string {
  const pick = (n: number) => Math.floor(rand() * n);
  const lines = text.split('\n');
  const chars = ' :-"\'\t{}[]&*#!|>%@`\n,?x0';
  switch (pick(5)) {
    case 0: { const i = pick(text.length); return text.slice(0, i) + text.slice(i + 1 + pick(5)); }
    case 1: { const i = pick(text.length); return text.slice(0, i) + chars[pick(chars.length)] + text.slice(i); }
    case 2: { const i = pick(text.length); return text.slice(0, i) + text[i] + text.slice(i); }
    case 3: { const i = pick(lines.length); lines.splice(i, 1); return lines.join('\n'); }
    default: { const i = pick(lines.length); lines.splice(pick(lines.length), 0, lines[i]); return lines.join('\n'); }
  }
}

describe('stackLint: whole files', () => {
  it('a clean realistic stack has no diagnostics', () => {
    assert.deepEqual(lintStack(CLEAN, { env: { TAG: 'v1' }, fileExists: () => true }), []);
  });

  it('a generated 5,000-line stack lints cleanly', () => {
    const text = bigStack();
    assert.ok(text.split('\n').length >= 5000);
    assert.deepEqual(lintStack(text, { env: {}, fileExists: () => true }), []);
  });

  it('300 random mutations of a clean file never throw and keep ranges inside the text', () => {
    const rand = rng(42);
    let text = CLEAN;
    for (let n = 0; n < 300; n++) {
      text = n % 10 === 0 ? CLEAN : mutate(text, rand);
      const lineCount = text.split('\n').length;
      for (const d of lintStack(text, { env: {}, fileExists: () => false })) {
        assert.ok(d.range.start.line >= 0 && d.range.end.line <= lineCount, `${d.code} out of range`);
        assert.ok(d.message.length > 0);
      }
    }
  });

  it('odd documents: empty, scalar, list, multi-document', () => {
    for (const t of ['', '   \n', 'just a string', '- a\n- b\n', 'services: {}\n---\nservices: {}\n', 'services:\n  a: *nope\n']) {
      assert.doesNotThrow(() => lintStack(t), t);
    }
  });
});

describe('stackLint: formats', () => {
  it('durations follow Go syntax', () => {
    for (const ok of ['10s', '1m30s', '500ms', '1h', '0', '1.5h', '2us', '-5s', '.5s', '1.s']) assert.ok(parseDuration(ok) !== undefined, ok);
    for (const bad of ['10', 's', '1 m', '10sec', '', '1d', '.s']) assert.equal(parseDuration(bad), undefined, bad);
    assert.equal(parseDuration('1m30s'), 90e9);
  });
  it('byte sizes follow go-units', () => {
    for (const ok of ['512M', '1g', '100kb', '1024', '1.5GiB', '64m', '5 m', '1e3']) assert.ok(parseBytes(ok) !== undefined, ok);
    for (const bad of ['M', '1x', '-1g', '', '1mbb', ' 5m']) assert.equal(parseBytes(bad), undefined, bad);
    assert.equal(parseBytes('1.5k'), 1536);
  });
  it('cpus', () => {
    assert.deepEqual(['0.5', '2', '.25', '3/4', '1e-3', '0'].map(parseCpus), [5e8, 2e9, 2.5e8, 7.5e8, 1e6, 0]);
    for (const bad of ['half', '1,5', '0.0000000001']) assert.equal(parseCpus(bad), undefined, bad);
  });
  it('short ports', () => {
    for (const ok of ['80', '8080:80', '8080:80/udp', '9000-9001:9000-9001', '127.0.0.1:8080:80', '127.0.0.1::80', '[::1]:80:80/tcp', '8080-8090:80', '80/tcp/x']) assert.ok(parsePortSpec(ok), ok);
    for (const bad of ['http', '99999:80', '80:80/icmp', '1.2.3.4:5:6:7', '9001-9000:80', '8080-8090:80-85', '01.2.3.4:80:80']) assert.equal(parsePortSpec(bad), undefined, bad);
  });
  it('edit distance and suggestions', () => {
    assert.equal(editDistance('replica', 'replicas', 2), 1);
    assert.equal(closest('enviroment', ['environment', 'entrypoint']), 'environment');
    assert.equal(closest('zzzzzz', ['image']), undefined);
  });
});
