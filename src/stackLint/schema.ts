// The compose file format 3.0–3.13 as the docker CLI validates it: facts read from the CLI's JSON
// schemas (docker/cli v28.2.2, cli/compose/schema/data/config_schema_v3.*.json), one per minor
// version, in our own notation. schemaCheck.ts applies them with JSON Schema's rules.
import { LATEST_MINOR } from '../stack/version';

export { LATEST_MINOR };

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

export interface Schema {
  readonly type?: JsonType | readonly JsonType[];
  readonly properties?: Readonly<Record<string, Schema>>;
  /** patternProperties with one pattern: keys matching `keys` hold `values`. */
  readonly keys?: RegExp;
  readonly values?: Schema;
  /** `^x-` keys allowed, with any value. */
  readonly extensions?: boolean;
  /** additionalProperties not false: other keys pass unchecked. */
  readonly open?: boolean;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly unique?: boolean;
  readonly oneOf?: readonly Schema[];
  readonly enum?: readonly string[];
  readonly format?: 'ports' | 'duration';
  readonly minimum?: number;
  /** Our name for the object, in messages, version gates and the assist (`service`, `deploy`, …). */
  readonly id?: string;
}


const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const duration: Schema = { type: 'string', format: 'duration' };
const listOfStrings: Schema = { type: 'array', items: str, unique: true };
const stringOrList: Schema = { oneOf: [str, listOfStrings] };
const command: Schema = { oneOf: [str, { type: 'array', items: str }] };
const uniqueStrings: Schema = { type: 'array', items: str, unique: true };
const listOrDict: Schema = {
  oneOf: [{ type: 'object', keys: /.+/, values: { type: ['string', 'number', 'null'] } }, { type: 'array', items: str, unique: true }],
};
const stringMap = (types: readonly JsonType[]): Schema => ({ type: 'object', keys: /^.+$/, values: { type: types }, open: true });
const NAMES = /^[a-zA-Z0-9._-]+$/;

type Props = Record<string, Schema | false>;

/** A closed object of the properties that exist in this version (`false`: not yet). */
function obj(id: string, props: Props, extra: Omit<Schema, 'properties' | 'id'> = {}): Schema {
  const properties: Record<string, Schema> = {};
  for (const [k, v] of Object.entries(props)) if (v) properties[k] = v;
  return { type: 'object', id, properties, ...extra };
}

function service(v: number): Schema {
  const ref = (id: string): Schema => ({ type: 'object', id, properties: { source: str, target: str, uid: str, gid: str, mode: num }, open: true });
  const volumeLong = obj('volumeLong', {
    type: str, source: str, target: str, read_only: bool, consistency: str,
    bind: { type: 'object', id: 'bind', properties: { propagation: str }, open: true },
    volume: { type: 'object', id: 'volumeOptions', properties: { nocopy: bool }, open: true },
    tmpfs: v >= 6 && { type: 'object', id: 'tmpfs', properties: { size: { type: 'integer', minimum: 0 } }, open: true },
  }, { required: ['type'] });
  const portLong = obj('portLong', { mode: str, target: int, published: int, protocol: str });
  const networkAttachment = obj('serviceNetwork', {
    aliases: listOfStrings, driver_opts: v >= 13 && stringMap(['string', 'number']), ipv4_address: str, ipv6_address: str,
  });
  return obj('service', {
    deploy: deploy(v),
    build: { oneOf: [str, obj('build', {
      context: str, dockerfile: str, args: listOrDict, labels: v >= 3 && listOrDict, cache_from: v >= 2 && listOfStrings,
      network: v >= 4 && str, target: v >= 4 && str, shm_size: v >= 5 && { type: ['integer', 'string'] }, extra_hosts: v >= 9 && listOrDict,
    }, v >= 11 ? { open: true } : {})] },
    cap_add: uniqueStrings, cap_drop: uniqueStrings, cgroupns_mode: v >= 9 && str, cgroup_parent: str, command,
    configs: v >= 3 && { type: 'array', items: { oneOf: [str, ref('fileRef')] } }, container_name: str,
    credential_spec: v >= 3 && obj('credentialSpec', { config: v >= 8 && str, file: str, registry: str }),
    depends_on: listOfStrings, devices: uniqueStrings, dns: stringOrList, dns_search: stringOrList, domainname: str,
    entrypoint: command, env_file: stringOrList, environment: listOrDict,
    expose: { type: 'array', items: { type: ['string', 'number'] }, unique: true }, external_links: uniqueStrings,
    extra_hosts: listOrDict, healthcheck: healthcheck(v), hostname: str, image: str, init: v >= 7 && bool, ipc: str,
    isolation: v >= 5 && str, labels: listOrDict, links: uniqueStrings,
    logging: obj('logging', { driver: str, options: stringMap(['string', 'number', 'null']) }), mac_address: str, network_mode: str,
    networks: { oneOf: [listOfStrings, { type: 'object', keys: NAMES, values: { oneOf: [networkAttachment, { type: 'null' }] } }] },
    pid: { type: ['string', 'null'] },
    ports: v >= 2
      ? { type: 'array', unique: true, items: { oneOf: [{ type: 'number', format: 'ports' }, { type: 'string', format: 'ports' }, portLong] } }
      : { type: 'array', unique: true, items: { type: ['string', 'number'], format: 'ports' } },
    privileged: bool, read_only: bool, restart: str, security_opt: uniqueStrings, shm_size: { type: ['number', 'string'] },
    secrets: v >= 1 && { type: 'array', items: { oneOf: [str, ref('fileRef')] } }, sysctls: listOrDict, stdin_open: bool,
    stop_grace_period: duration, stop_signal: str, tmpfs: stringOrList, tty: bool,
    ulimits: { type: 'object', keys: /^[a-z]+$/, open: true, values: { oneOf: [int, obj('ulimit', { hard: int, soft: int }, { required: ['soft', 'hard'] })] } },
    oom_score_adj: v >= 13 && int, user: str, userns_mode: str,
    // 3.2 added the long syntax; the `uniqueItems` it keeps sits on the items, where it checks nothing.
    volumes: v >= 2 ? { type: 'array', items: { oneOf: [str, volumeLong] } } : { type: 'array', items: str, unique: true },
    working_dir: str,
  }, { extensions: v >= 7 });
}

function healthcheck(v: number): Schema {
  const d = v >= 4 ? duration : str; // before 3.4 a duration is any string here (the CLI's loader parses it later)
  return obj('healthcheck', { disable: bool, interval: d, retries: num, test: command, timeout: d, start_period: v >= 4 && duration, start_interval: v >= 12 && duration });
}

function deploy(v: number): Schema {
  const update = (id: string): Schema => obj(id, {
    parallelism: int, delay: duration, failure_action: str, monitor: duration, max_failure_ratio: num,
    order: v >= 4 && { type: 'string', enum: ['stop-first', 'start-first'] },
  });
  const resources = v >= 5
    ? obj('resources', {
      limits: obj('limits', { cpus: str, memory: str, pids: v >= 9 && int }),
      reservations: obj('reservations', {
        cpus: str, memory: str,
        generic_resources: { type: 'array', items: obj('genericResource', { discrete_resource_spec: obj('discreteResource', { kind: str, value: num }) }) },
      }),
    })
    : obj('resources', { limits: obj('limits', { cpus: str, memory: str }), reservations: obj('reservations', { cpus: str, memory: str }) });
  return obj('deploy', {
    mode: str, endpoint_mode: v >= 2 && str, replicas: int, labels: listOrDict, rollback_config: v >= 7 && update('rollbackConfig'),
    update_config: update('updateConfig'), resources,
    restart_policy: obj('restartPolicy', { condition: str, delay: duration, max_attempts: int, window: duration }),
    placement: obj('placement', {
      constraints: { type: 'array', items: str }, preferences: v >= 3 && { type: 'array', items: obj('preference', { spread: str }) },
      max_replicas_per_node: v >= 8 && int,
    }),
  }, { type: ['object', 'null'] });
}

const open = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, open: true });
const topology: Schema = { type: 'array', items: open({ segments: listOrDict }) };
/** Cluster (CSI) volumes, 3.10+: every object of it is open. */
const clusterSpec = open({
  group: str, availability: str,
  access_mode: open({ scope: str, sharing: str, block_volume: open({}), mount_volume: open({ fs_type: str, mount_flags: { type: 'array', items: str } }) }),
  accessibility_requirements: open({ requisite: topology, preferred: topology }),
  capacity_range: open({ required_bytes: str, limit_bytes: str }),
});

function topLevel(v: number): Schema {
  const driverOpts = stringMap(['string', 'number']);
  const external = (closed: boolean): Schema => ({ type: ['boolean', 'object'], id: 'external', properties: { name: str }, open: !closed });
  const network = obj('network', {
    name: v >= 5 && str, driver: str, driver_opts: driverOpts,
    ipam: obj('ipam', { driver: str, config: { type: 'array', items: obj('ipamConfig', { subnet: str }) } }),
    external: external(true), internal: bool, attachable: v >= 2 && bool, labels: listOrDict,
  }, { type: ['object', 'null'], extensions: v >= 7 });
  const volume = obj('volume', {
    name: v >= 4 && str, driver: str, driver_opts: driverOpts, external: external(true), labels: listOrDict,
    'x-cluster-spec': v >= 10 && clusterSpec,
  }, { type: ['object', 'null'], extensions: v >= 7 });
  const secret = obj('secret', {
    name: v >= 5 && str, file: str, external: external(false), labels: listOrDict, driver: v >= 8 && str,
    driver_opts: v >= 8 && driverOpts, template_driver: v >= 8 && str,
  }, { extensions: v >= 7 });
  const config = obj('config', { name: v >= 5 && str, file: str, external: external(false), labels: listOrDict, template_driver: v >= 8 && str }, { extensions: v >= 7 });
  const section = (id: string, values: Schema, closed = true): Schema => ({ type: 'object', id, keys: NAMES, values, open: !closed });
  return obj('top', {
    version: str, services: section('services', service(v)), networks: section('networks', network, false),
    volumes: section('volumes', volume), secrets: v >= 1 && section('secrets', secret), configs: v >= 3 && section('configs', config),
  }, { extensions: v >= 4 });
}

const cache = new Map<number, Schema>();

/** The schema of `3.<minor>` (0–13). */
export function composeSchema(minor: number): Schema {
  let s = cache.get(minor);
  if (!s) cache.set(minor, (s = topLevel(minor)));
  return s;
}
