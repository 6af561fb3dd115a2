import assert from 'node:assert/strict';
import { composeSchema, type Schema } from '../../src/stackLint/schema';
import { range, expectOne, codes, svc } from '../support/stackLintHelpers';


describe('stackLint: schema tables', () => {
  it('each version\'s objects have one shape per id (the version gates compare them by id)', () => {
    for (let v = 0; v <= 13; v++) {
      const seen = new Map<string, string>();
      const visit = (s: Schema | undefined): void => {
        if (!s) return;
        if (s.id && s.properties) {
          const shape = Object.keys(s.properties).sort().join(',');
          assert.equal(seen.get(s.id) ?? shape, shape, `3.${v} ${s.id}`);
          seen.set(s.id, shape);
        }
        for (const p of Object.values(s.properties ?? {})) visit(p);
        visit(s.values); visit(s.items); for (const b of s.oneOf ?? []) visit(b);
      };
      visit(composeSchema(v));
      assert.ok(seen.has('service') && seen.has('deploy'), `3.${v}`);
    }
  });
});

describe('stackLint: unknown-key', () => {
  it('with a did-you-mean inside deploy', () => {
    const d = expectOne(svc('    deploy:\n      replica: 2\n'), 'unknown-key', 'error', range(4, 6, 4, 13));
    assert.equal(d.data?.suggestion, 'replicas');
    assert.match(d.message, /services\.web\.deploy\.replica.*Did you mean `replicas`/);
  });
  it('without a suggestion when nothing is close', () => {
    const d = expectOne(svc('    frobnicate: 1\n'), 'unknown-key', 'error', range(3, 4, 3, 14));
    assert.equal(d.data, undefined);
  });
  it('x-* keys are allowed at the top level and in services', () => {
    assert.deepEqual(codes('x-top: 1\n' + svc('    x-mine: {a: 1}\n    deploy:\n      replicas: 2\n')), []);
  });
  it('x-* keys inside deploy are rejected like any other key', () => {
    const d = expectOne(svc('    deploy:\n      x-team: core\n'), 'unknown-key', 'error', range(4, 6, 4, 12));
    assert.match(d.message, /only allowed/);
  });
  it('top-level unknown key', () => {
    const d = expectOne('service:\n  web:\n    image: nginx\n', 'unknown-key', 'error', range(0, 0, 0, 7));
    assert.equal(d.data?.suggestion, 'services');
  });
});

describe('stackLint: unsupported-key (compose-spec keys the CLI rejects)', () => {
  it('cpus points to deploy.resources.limits.cpus', () => {
    const d = expectOne(svc('    cpus: 0.5\n'), 'unsupported-key', 'error', range(3, 4, 3, 8));
    assert.match(d.message, /deploy\.resources\.limits\.cpus/);
  });
  it('mem_limit and mem_reservation', () => {
    assert.match(expectOne(svc('    mem_limit: 1g\n'), 'unsupported-key', 'error', range(3, 4, 3, 13)).message, /deploy\.resources\.limits\.memory/);
    assert.match(expectOne(svc('    mem_reservation: 1g\n'), 'unsupported-key', 'error', range(3, 4, 3, 19)).message, /deploy\.resources\.reservations\.memory/);
  });
  it('top-level name', () => {
    expectOne('name: shop\n' + svc(''), 'unsupported-key', 'error', range(0, 0, 0, 4));
  });
  it('3.x service keys are not reported as unsupported', () => {
    assert.ok(!codes(svc('    init: true\n    stop_signal: SIGTERM\n    shm_size: 64M\n')).includes('unsupported-key'));
  });
});

describe('stackLint: wrong-type', () => {
  it('replicas must be an integer', () => {
    const d = expectOne(svc('    deploy:\n      replicas: two\n'), 'wrong-type', 'error', range(4, 16, 4, 19));
    assert.match(d.message, /replicas.*integer/);
  });
  it('interpolated values are left to the CLI', () => {
    assert.deepEqual(codes(svc('    deploy:\n      replicas: ${REPLICAS}\n')), []);
  });
  it('cpus as a bare number must be quoted, with the quoted form as suggestion', () => {
    const d = expectOne(svc('    deploy:\n      resources:\n        limits:\n          cpus: 0.5\n'), 'wrong-type', 'error', range(6, 16, 6, 19));
    assert.equal(d.data?.suggestion, '"0.5"');
  });
  it('environment values cannot be booleans', () => {
    expectOne(svc('    environment:\n      DEBUG: true\n      PORT: 80\n      EMPTY:\n'), 'wrong-type', 'error', range(4, 13, 4, 17));
  });
  it('empty value is reported at the key', () => {
    const d = expectOne(svc('    command:\n'), 'wrong-type', 'error', range(3, 4, 3, 11));
    assert.match(d.message, /has no value/);
  });
  it('a list where a mapping is expected: at the key, not the whole block below it', () => {
    expectOne(svc('    deploy:\n      - replicas: 1\n'), 'wrong-type', 'error', range(3, 4, 3, 10));
  });
});

describe('stackLint: bad-enum (the schema) and invalid-value (the converter or the engine, at deploy)', () => {
  it('deploy.mode: replicated, global and the two job modes', () => {
    const d = expectOne(svc('    deploy:\n      mode: replica\n'), 'invalid-value', 'error', range(4, 12, 4, 19));
    assert.match(d.message, /replicated, global, replicated-job or global-job/);
    assert.deepEqual(codes(svc('    deploy:\n      mode: replicated-job\n')), []);
  });
  it('update_config.order with a suggestion', () => {
    const d = expectOne(svc('    deploy:\n      update_config:\n        order: start-frist\n'), 'bad-enum', 'error', range(5, 15, 5, 26));
    assert.equal(d.data?.suggestion, 'start-first');
  });
  it('failure_action: pause, continue or rollback (the engine takes rollback in rollback_config too)', () => {
    assert.deepEqual(codes(svc('    deploy:\n      update_config:\n        failure_action: rollback\n      rollback_config:\n        failure_action: rollback\n')), []);
    expectOne(svc('    deploy:\n      rollback_config:\n        failure_action: retry\n'), 'invalid-value', 'error', range(5, 24, 5, 29));
  });
  it('restart_policy.condition and endpoint_mode', () => {
    expectOne(svc('    deploy:\n      restart_policy:\n        condition: always\n'), 'invalid-value', 'error', range(5, 19, 5, 25));
    expectOne(svc('    deploy:\n      endpoint_mode: dns\n'), 'invalid-value', 'error', range(4, 21, 4, 24));
    assert.deepEqual(codes(svc('    deploy:\n      endpoint_mode: vip\n      restart_policy:\n        condition: on-failure\n')), []);
  });
});

describe('stackLint: bad-format', () => {
  it('durations', () => {
    expectOne(svc('    stop_grace_period: 10 seconds\n'), 'bad-format', 'error', range(3, 23, 3, 33));
    assert.deepEqual(codes(svc('    stop_grace_period: 1m30s\n    healthcheck:\n      interval: 500ms\n      timeout: 1h\n')), []);
  });
  it('byte sizes', () => {
    expectOne(svc('    deploy:\n      resources:\n        limits:\n          memory: 512 MB!\n'), 'bad-format', 'error', range(6, 18, 6, 25));
    assert.deepEqual(codes(svc('    deploy:\n      resources:\n        limits:\n          memory: 1g\n        reservations:\n          memory: "100mb"\n')), []);
  });
  it('cpus: refused when the services are converted, so at deploy', () => {
    expectOne(svc('    deploy:\n      resources:\n        limits:\n          cpus: "half"\n'), 'invalid-value', 'error', range(6, 16, 6, 22));
  });
  it('short port syntax', () => {
    expectOne(svc('    ports:\n      - "80:http"\n'), 'bad-format', 'error', range(4, 8, 4, 17));
    const ok = ['"8080:80"', '"80"', '"8080:80/udp"', '"9000-9001:9000-9001"', '"127.0.0.1:8081:80"', '81'];
    assert.deepEqual(codes(svc(`    ports:\n${ok.map((p) => `      - ${p}\n`).join('')}`)), []);
  });
});

describe('stackLint: needs-newer-version', () => {
  it('init needs 3.7', () => {
    const d = expectOne('version: "3.0"\n' + svc('    init: true\n'), 'needs-newer-version', 'error', range(4, 4, 4, 8));
    assert.equal(d.data?.suggestion, '3.7');
  });
  it('limits.pids needs 3.9; fine with 3.13, bare "3" or no version', () => {
    const body = '    deploy:\n      resources:\n        limits:\n          pids: 100\n';
    expectOne('version: "3.8"\n' + svc(body), 'needs-newer-version', 'error', range(7, 10, 7, 14));
    for (const v of ['version: "3.13"\n', 'version: "3"\n', '']) assert.deepEqual(codes(v + svc(body)), [], v);
  });
  it('service-level x-* needs 3.7', () => {
    expectOne('version: "3.3"\n' + svc('    x-note: hi\n'), 'needs-newer-version', 'error', range(4, 4, 4, 10));
  });
});

describe('stackLint: bad-name', () => {
  it('service names are restricted to [a-zA-Z0-9._-]', () => {
    const d = expectOne('services:\n  web app:\n    image: nginx\n', 'bad-name', 'error', range(1, 2, 1, 9));
    assert.equal(d.data?.suggestion, 'web-app');
    assert.deepEqual(codes('services:\n  web_app.v-2:\n    image: nginx\n'), []);
  });
});
