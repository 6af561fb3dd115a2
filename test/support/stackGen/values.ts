// Pools of values the generator draws from: valid ones and the near misses people write, for each
// kind of field (ports, durations, sizes, CPUs, images, constraints, templates, YAML 1.1 spellings).
import { Raw, type GNode } from './model';

export const PORTS: readonly GNode[] = [
  '80', '8080:80', '8080:80/udp', '53:53/udp', '127.0.0.1:8080:80', '127.0.0.1::80', '[::1]:8080:80', '0.0.0.0:80:80/tcp',
  '9000-9001:9000-9001', '8080-8090:80', '8080-8090:80-85', '80-81', '9001-9000:80', '99999:80', '80:80/icmp', '80:http',
  '1.2.3.4:5:6:7', ':80', '80:', '', '80/TCP', '080:080', '01.2.3.4:80:80', '65535:65535', '65536', '80/tcp/x', '-1',
  80, 8080, 0, -1, 65536, 8080.5, new Raw('8080.0'), new Raw('"80:80"'), '80:80',
];

export const DURATIONS: readonly GNode[] = [
  '10s', '1m30s', '500ms', '1h', '0', '1.5h', '2us', '2µs', '-5s', '+5s', '.5s', '1.s', '0s',
  '10', 's', '1 m', '10sec', '', '1d', '5m2', 'PT5S', 10, new Raw('10s '), new Raw('30 seconds'), '9999999999h',
];

export const SIZES: readonly GNode[] = [
  '512M', '1g', '100kb', '1024', '1.5GiB', '64m', '128MB', '1 GB', '10b', '0', '4m', '3m', '1K', '2048k',
  'M', '1x', '-1g', '', '1gb2', '5 mb', '1.5.5M', '1e3', 'lots', ' 5m', '1kib', '1KiB', '1mbb', 512, new Raw('1.5'),
];

export const CPUS: readonly GNode[] = ['0.5', '2', '.25', '1.5', '0', '0.0001', '3/4', '1e-3', 'half', '1,5', '-1', '0.001', '0.0000000001', 0.5, 2, new Raw('"1"')];

export const IMAGES: readonly GNode[] = [
  'nginx', 'nginx:1.27', 'library/nginx:latest', 'registry.example.com/team/app:1.0', 'localhost:5000/app', 'app@sha256:' + 'a'.repeat(64),
  'Nginx', 'nginx:', 'nginx:latest:1', 'my app', 'ghcr.io/Org/app', 'REGISTRY.io/app:1', 'a'.repeat(64), 'nginx:${TAG:-1}', '',
];

export const CONSTRAINTS: readonly GNode[] = [
  'node.role == manager', 'node.role==worker', 'node.role != manager', 'node.labels.zone == eu', 'engine.labels.os == linux',
  'node.hostname == ${HOST}', 'node.platform.os == linux', 'node.role = manager', 'node.role == boss', 'node.label.zone == eu',
  'node.rol == manager', 'zone == eu', 'node.id == abc', '', 'node.labels.a==b', 'node.role ==manager ',
];

export const TEMPLATES: readonly string[] = [
  '${TAG}', '${TAG:-1.0}', '${MISSING:-x}', '${MISSING-x}', '${EMPTY:-d}', '${EMPTY-d}', '${MISSING:?must set}', '${EMPTY:?no empty}',
  '${EMPTY?ok}', '${TAG?set}', '$$', '$$HOME', '${', '$1', 'a$', '${TAG', '${ TAG}', '$TAG', '${tag}', '${A:?x-y}', '${MISSING:?a} ${TAG}',
  '${REPLICAS}', '${NUM}', '${BOOL}', '${WORD}',
];

/** The environment every case runs with (the CLI's and the linter's). */
export const ENV: Readonly<Record<string, string>> = { TAG: '1.2', EMPTY: '', REPLICAS: '3', NUM: '0440', BOOL: 'yes', WORD: 'lots', HOST: 'node1', tag: 'low' };

/** Spellings YAML 1.1 (and people) read as booleans or numbers that go-yaml v3 reads otherwise, or alike. */
export const YAML11: readonly string[] = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO', 'True', 'FALSE', 'tRue', '0440', '010', '08', '0x1F', '0o17', '0b101', '1_000',
  '+12', '-0', '1e3', '.5', '3.', '.inf', '-.Inf', '.nan', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '12:30', '~', 'Null', '1e999',
];

export const BOOLS_AS_STRINGS: readonly GNode[] = ['true', 'yes', new Raw('"true"'), new Raw('yes'), new Raw('on')];

export const RESTARTS: readonly string[] = ['no', 'always', 'unless-stopped', 'on-failure', 'on-failure:3', 'on-failure:x', 'sometimes', ':3', 'no:2', 'always:1', ''];

export const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  mode: ['replicated', 'global', 'replicated-job', 'global-job', 'replica', 'Global', ''],
  endpoint_mode: ['vip', 'dnsrr', 'DNSRR', 'dns', ''],
  failure_action: ['pause', 'continue', 'rollback', 'retry', 'Pause', ''],
  order: ['start-first', 'stop-first', 'first-stop', 'start_first', ''],
  condition: ['none', 'on-failure', 'any', 'always', 'on_failure', ''],
  protocol: ['tcp', 'udp', 'sctp', 'TCP', 'icmp', ''],
  type: ['volume', 'bind', 'tmpfs', 'npipe', 'cluster', 'nfs', 'Bind'],
};

/** Keys that exist somewhere in the format, to put where they do not belong. */
export const STRAY_KEYS: readonly string[] = [
  'replica', 'replicas', 'cpus', 'memory', 'image', 'imag', 'enviroment', 'restart_policy', 'mode', 'constraints', 'interval', 'ports',
  'memory_swap', 'memory_swappiness', 'mem_limit', 'name', 'include', 'pull_policy', 'platform', 'scale', 'extends', 'volumes_from',
  'cpu_shares', 'x-note', 'x-cluster-spec', 'create_host_path', 'subpath', 'driver', 'labels', 'external', 'healthcheck', 'foo',
];
