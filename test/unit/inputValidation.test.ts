// Every input an action takes, held to the rules of the code that would otherwise refuse it:
// SwarmKit's name rule (controlapi/common.go isValidDNSName, 63 characters), the distribution
// reference grammar, the docker CLI's label, env and port forms (docker/cli opts), SwarmKit's join
// token (ca/config.go) and unlock key (manager/encryption) formats, dockerd's "cannot choose an
// advertise address" message (daemon/cluster/listen_addr.go). What reaches the Engine is checked
// against the real CLI and engine in test/integration/serviceOperations.test.ts.
import assert from 'node:assert/strict';
import { shellQuote } from '../../src/domain/cliCommand';
import { parseLabel, validateLabel } from '../../src/domain/validate/nodeInput';
import { parsePort, parsePorts, splitArgs, validateConstraint, validateEnv, validateImage, validateReplicas, validateServiceName } from '../../src/domain/validate/serviceInput';
import { addressesFromInitError, validateJoinToken, validateNodeAddress, validateRemoteAddress, validateUnlockKey } from '../../src/domain/validate/swarmInput';

const ok = (v: string | undefined): void => assert.equal(v, undefined);
const bad = (v: string | undefined, re: RegExp): void => assert.match(v ?? 'accepted', re);

describe('input validation', () => {
  it('service names: a DNS label of at most 63 characters, not taken', () => {
    for (const n of ['web', 'a', 'my_app-2', 'A1']) ok(validateServiceName(n));
    bad(validateServiceName(''), /needs a name/);
    bad(validateServiceName('-web'), /not a valid service name/);
    bad(validateServiceName('web-'), /not a valid service name/);
    bad(validateServiceName('my.app'), /not a valid service name/);
    bad(validateServiceName('a'.repeat(64)), /64 characters: a service name is 63 at most/);
    ok(validateServiceName('a'.repeat(63)));
    bad(validateServiceName('web', ['api', 'web']), /exists already/);
  });

  it('image references', () => {
    for (const i of ['nginx', 'nginx:1.27', 'local/busybox:1', 'registry.example.com:5000/team/app:2-rc.1', `busybox@sha256:${'a'.repeat(64)}`, 'Registry.Example.com/a/b']) ok(validateImage(i));
    bad(validateImage(''), /An image is needed/);
    bad(validateImage('Nginx'), /must be lower-case/);
    bad(validateImage('nginx latest'), /whitespace/);
    bad(validateImage('nginx:'), /not a valid image reference/);
    bad(validateImage('nginx@sha256:abc'), /not a valid image reference/);
  });

  it('replicas: a whole number from 0 to 1000', () => {
    for (const r of ['0', '5', '1000', ' 3 ']) ok(validateReplicas(r));
    bad(validateReplicas('1001'), /more than 1000/);
    bad(validateReplicas('-1'), /not a whole number/);
    bad(validateReplicas('2.5'), /not a whole number/);
    bad(validateReplicas(''), /not a whole number/);
  });

  it('published ports, short and long forms, as the Engine spec', () => {
    assert.deepEqual(parsePort('8080:80'), { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' });
    assert.deepEqual(parsePort('53:53/udp'), { Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'ingress' });
    assert.deepEqual(parsePort('80'), { Protocol: 'tcp', TargetPort: 80, PublishMode: 'ingress' });
    assert.deepEqual(parsePort('published=9000,target=90,mode=host'), { Protocol: 'tcp', TargetPort: 90, PublishedPort: 9000, PublishMode: 'host' });
    assert.match(parsePort('70000:80') as string, /published "70000" must be a port number from 1 to 65535/);
    assert.match(parsePort('80/icmp') as string, /protocol "icmp" must be tcp, udp or sctp/);
    assert.match(parsePort('target=80,mode=mesh') as string, /mode "mesh" must be ingress or host/);
    assert.match(parsePort('published=80') as string, /needs target=/);
    assert.match(parsePort('size=80,target=1') as string, /"size" is not a port option/);
    assert.match(parsePort('a:b') as string, /is not a port/);
    assert.deepEqual(parsePorts('  '), []);
    assert.equal((parsePorts('8080:80 8081:81/udp') as unknown[]).length, 2);
    assert.match(parsePorts('8080:80 8080:81') as string, /published twice/);
  });

  it('environment: NAME=value; constraints: the scheduler\'s grammar', () => {
    ok(validateEnv('A=1'));
    ok(validateEnv('EMPTY='));
    ok(validateEnv('URL=http://x?a=b'));
    bad(validateEnv('A'), /has no "="/);
    bad(validateEnv('=1'), /no variable name/);
    bad(validateEnv('MY VAR=1'), /contains whitespace/);
    ok(validateConstraint(''));
    ok(validateConstraint('node.role==worker'));
    ok(validateConstraint('node.labels.zone != eu'));
    bad(validateConstraint('node.role=worker'), /must be "<attribute> == <value>"/);
    bad(validateConstraint('node.role==boss'), /node\.role can only be manager or worker/);
    bad(validateConstraint('node.colour==red'), /Unknown constraint attribute/);
  });

  it('command lines split as a shell does, and the CLI line quoted so a shell gives the same words back', () => {
    assert.deepEqual(splitArgs('sleep 3600'), ['sleep', '3600']);
    assert.deepEqual(splitArgs(`sh -c 'echo "hi there"; sleep 1'`), ['sh', '-c', 'echo "hi there"; sleep 1']);
    assert.deepEqual(splitArgs('echo "a \\"b\\"" c\\ d \'\''), ['echo', 'a "b"', 'c d', '']);
    assert.deepEqual(splitArgs('  '), []);
    assert.match(splitArgs('echo "x') as string, /unclosed double quote/);
    for (const word of ['node.role==worker', "it's", 'a b', '$HOME', '']) {
      assert.deepEqual(splitArgs(shellQuote(word)), [word]);
    }
  });

  it('node labels as the CLI takes them', () => {
    ok(validateLabel('zone=eu-1'));
    ok(validateLabel('ssd'));
    bad(validateLabel('=x'), /the key is missing/);
    bad(validateLabel('my zone=x'), /contains whitespace/);
    assert.deepEqual(parseLabel('ssd'), { key: 'ssd', value: '' });
    assert.deepEqual(parseLabel('a=b=c'), { key: 'a', value: 'b=c' });
  });

  it('swarm addresses, join tokens and unlock keys', () => {
    for (const a of ['', '10.0.0.5', 'eth0', '10.0.0.5:2377', '[fe80::1]:2377', 'fe80::1']) ok(validateNodeAddress(a, 'advertise'));
    bad(validateNodeAddress('', 'listen'), /listen address is needed/);
    bad(validateNodeAddress('10.0.0.5:99999', 'advertise'), /port .* from 1 to 65535/);
    bad(validateNodeAddress('my host', 'advertise'), /neither an IP address nor a network interface/);
    for (const r of ['10.0.0.1', 'manager.example.com:2377', '[::1]:2377']) ok(validateRemoteAddress(r));
    bad(validateRemoteAddress(''), /address of a manager is needed/);
    bad(validateRemoteAddress('-bad-'), /not a host name or IP address/);
    const token = `SWMTKN-1-${'0a'.repeat(25)}-${'z'.repeat(25)}`;
    ok(validateJoinToken(token));
    ok(validateJoinToken(`SWMTKN-2-1-${'0'.repeat(50)}-${'1'.repeat(25)}`));
    bad(validateJoinToken(''), /Paste the join token/);
    bad(validateJoinToken('abc'), /starts with SWMTKN-/);
    bad(validateJoinToken(token.slice(0, -1)), /incomplete or altered/);
    ok(validateUnlockKey('SWMKEY-1-ZGVhZGJlZWZkZWFkYmVlZmRlYWRiZWVmZGVhZGJlZWY'));
    bad(validateUnlockKey('KEY'), /starts with SWMKEY-1-/);
    bad(validateUnlockKey('SWMKEY-1-a'), /incomplete or altered/);
  });

  it('the advertise addresses dockerd names when it cannot choose', () => {
    assert.deepEqual(addressesFromInitError('could not choose an IP address to advertise since this system has multiple addresses on different interfaces (10.0.0.5 on eth0 and 192.168.1.2 on eth1)'),
      [{ address: '10.0.0.5', iface: 'eth0' }, { address: '192.168.1.2', iface: 'eth1' }]);
    assert.deepEqual(addressesFromInitError('could not choose an IP address to advertise since this system has multiple addresses on interface eth0 (10.0.0.5 and 10.0.0.6)'),
      [{ address: '10.0.0.5', iface: 'eth0' }, { address: '10.0.0.6', iface: 'eth0' }]);
    assert.deepEqual(addressesFromInitError('rpc error: something else'), []);
  });
});
