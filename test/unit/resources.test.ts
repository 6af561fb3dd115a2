// Secrets, configs, networks and stacks: input checks held to the Engine's verdicts
// (test/support/validationCases.ts, re-checked on the lab by test/integration/resources.test.ts),
// usage and rotation rules on services captured from a real engine (test/fixtures/services.json).
import assert from 'node:assert/strict';
import { toConfig, toNetwork, toSecret, toTask } from '../../src/docker/mappers/others';
import { toService } from '../../src/docker/mappers/services';
import { nextVersionName, rotationConfirmation, rotationSteps } from '../../src/domain/resources/rotation';
import { removalRefusal, servicesUsingConfig, servicesUsingNetwork, servicesUsingSecret } from '../../src/domain/resources/usage';
import { checkData, checkNetworkName, checkObjectName, parseSubnet } from '../../src/domain/resources/validate';
import { describeContents, isEmptyStack, stackContents, stackRemovalConfirmation } from '../../src/domain/stackRemoval';
import { fixtureList } from '../support/fixtures';
import { CONFIG_SIZES, NETWORK_NAMES, SECRET_OR_CONFIG_NAMES, SECRET_SIZES } from '../support/validationCases';

const services = fixtureList('services.json').map(toService);
const secrets = fixtureList('secrets.json').map(toSecret);
const configs = fixtureList('configs.json').map(toConfig);
const networks = fixtureList('networks.json').map(toNetwork);
const tasks = fixtureList('tasks.json').map(toTask);

describe('resource input checks', () => {
  it('accept and refuse secret and config names as the Engine does', () => {
    for (const c of SECRET_OR_CONFIG_NAMES) {
      assert.equal(checkObjectName('secret', c.value) === undefined, c.ok, c.value);
      assert.equal(checkObjectName('config', c.value) === undefined, c.ok, c.value);
    }
  });

  it('accept and refuse swarm network names as the Engine does (no dots, at most 63)', () => {
    for (const c of NETWORK_NAMES) assert.equal(checkNetworkName(c.value) === undefined, c.ok, c.value);
  });

  it('accept and refuse data sizes as the Engine does', () => {
    for (const c of SECRET_SIZES) assert.equal(checkData('secret', c.value) === undefined, c.ok, `secret of ${c.value} bytes`);
    for (const c of CONFIG_SIZES) assert.equal(checkData('config', c.value) === undefined, c.ok, `config of ${c.value} bytes`);
  });

  it('refuse a name that exists, saying why', () => {
    assert.match(checkObjectName('secret', 'db', ['db']) ?? '', /exists already/);
    assert.match(checkNetworkName('net', ['net']) ?? '', /exists already/);
  });

  it('read IPv4 and IPv6 subnets and refuse host bits with the network address', () => {
    assert.deepEqual(parseSubnet('10.10.0.0/24'), { family: 4, cidr: '10.10.0.0/24' });
    assert.deepEqual(parseSubnet(' fd00:1::/64 '), { family: 6, cidr: 'fd00:1::/64' });
    assert.match(String(parseSubnet('10.98.0.1/24')), /did you mean 10\.98\.0\.0\/24/);
    assert.match(String(parseSubnet('fd00:1::5/64')), /did you mean fd00:1::\/64/);
    assert.match(String(parseSubnet('10.300.0.0/24')), /not an IPv4 or IPv6 address/);
    assert.match(String(parseSubnet('10.0.0.0/33')), /longer than an IPv4 address/);
    assert.match(String(parseSubnet('10.0.0.0')), /address and a prefix length/);
  });

});

describe('who uses a secret, config or network', () => {
  const web = services.find((s) => s.name === 'fx_web');

  it('finds the services that refer to them, by name or by network id', () => {
    assert.ok(web);
    const secret = secrets.find((s) => s.name === 'fx-secret');
    const config = configs.find((c) => c.name === 'fx-config');
    const net = networks.find((n) => n.name === 'fx-net');
    assert.ok(secret && config && net);
    assert.deepEqual(servicesUsingSecret(services, secret).map((s) => s.name), ['fx_web']);
    assert.deepEqual(servicesUsingConfig(services, config).map((s) => s.name), ['fx_web']);
    assert.deepEqual(servicesUsingNetwork(services, net).map((s) => s.name), ['fx_web']);
    assert.deepEqual(servicesUsingNetwork(services, { id: 'nope', name: 'nope' }), []);
  });

  it('refuses removal naming the services and the command that frees it', () => {
    assert.ok(web);
    assert.equal(removalRefusal('secret', 'fx-secret', []), undefined);
    const msg = removalRefusal('secret', 'fx-secret', [web]) ?? '';
    assert.match(msg, /used by service: fx_web/);
    assert.match(msg, /docker service update --secret-rm fx-secret fx_web/);
    assert.match(msg, /Rotate secret/);
    assert.doesNotMatch(removalRefusal('network', 'fx-net', [web, web]) ?? '', /Rotate/);
  });
});

describe('rotation', () => {
  it('names the next version, skipping names that exist and keeping 64 characters', () => {
    assert.equal(nextVersionName('db', []), 'db_v2');
    assert.equal(nextVersionName('db_v2', []), 'db_v3');
    assert.equal(nextVersionName('tls.v9', []), 'tls.v10');
    assert.equal(nextVersionName('db', ['db_v2', 'db_v3']), 'db_v4');
    const long = nextVersionName('x'.repeat(64), []);
    assert.equal(long.length, 64);
    assert.equal(checkObjectName('secret', long), undefined);
    assert.equal(checkObjectName('secret', nextVersionName(`${'x'.repeat(61)}-ab`, [])), undefined);
  });

  it('lists its steps in order and states its impact, with the stack caveat', () => {
    const web = services.find((s) => s.name === 'fx_web');
    assert.ok(web);
    const plan = { kind: 'secret' as const, from: { id: 's1', name: 'fx_db', labels: { 'com.docker.stack.namespace': 'fx' } }, to: 'fx_db_v2', services: [web] };
    assert.deepEqual(rotationSteps(plan), ['create secret fx_db_v2', 'move service fx_web to fx_db_v2', 'wait until fx_web has converged', 'remove secret fx_db']);
    const words = rotationConfirmation(plan, 'lab');
    assert.equal(words.message, 'Rotate secret fx_db on lab?');
    assert.match(words.detail, /Service fx_web moves to fx_db_v2/);
    assert.match(words.detail, /fx_db stays in place/);
    assert.match(words.detail, /stack fx/);
  });
});

describe('stack removal', () => {
  const all = { services, networks, secrets, configs };

  it('takes everything labelled with the namespace, and only that', () => {
    const fx = stackContents('fx', all);
    assert.deepEqual(fx.services.map((s) => s.name), ['fx_web']);
    assert.deepEqual(fx.networks.map((n) => n.name), ['fx-net']);
    assert.equal(describeContents(fx), `1 service, 1 network, ${fx.secrets.length} secret${fx.secrets.length === 1 ? '' : 's'} and ${fx.configs.length} configs`);
    assert.ok(isEmptyStack(stackContents('nope', all)));
  });

  it('confirms with the counts, the running tasks and the cluster', () => {
    const fx = stackContents('fx', all);
    const c = stackRemovalConfirmation(fx, tasks, 'lab');
    assert.equal(c.message, 'Remove stack fx from lab?');
    const running = tasks.filter((t) => t.serviceId === fx.services[0]?.id && t.desiredState === 'running').length;
    assert.ok(running > 0);
    assert.match(c.detail, new RegExp(`fx_web \\(${running} running tasks? will stop\\)`));
  });
});
