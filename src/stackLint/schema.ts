// Table-driven model of the compose file format 3.x as the docker CLI validates it
// (facts taken from the CLI's 3.x JSON schemas: additional properties are rejected, `x-*` is open).

/** Leaf kinds; string-ish formats are checked by formats.ts. */
export type Kind =
  | 'string' | 'number' | 'integer' | 'boolean' | 'stringOrNumber'
  | 'duration' | 'bytes' | 'cpus' | 'port'
  | 'stringList' | 'stringOrList' | 'listOrMap' | 'any';

export type ValueSpec =
  | Kind
  | { readonly enum: readonly string[] }
  | { readonly object: string; readonly nullable?: boolean } // a key of SCHEMAS
  | { readonly listOf: ValueSpec }
  /** names: keys are object names, which the CLI restricts to [a-zA-Z0-9._-]. */
  | { readonly mapOf: ValueSpec; readonly nullable?: boolean; readonly names?: boolean }
  | { readonly oneOf: readonly ValueSpec[] };

export interface ObjectSchema {
  readonly keys: Readonly<Record<string, ValueSpec>>;
  /** additionalProperties: true in the CLI schema (only build). */
  readonly open?: boolean;
  /** `x-*` keys allowed here (top level, services, networks, volumes, secrets, configs; not deploy). */
  readonly extensions?: boolean;
}

const updateKeys = (failure: readonly string[]): ObjectSchema => ({
  keys: {
    parallelism: 'integer', delay: 'duration', failure_action: { enum: failure }, monitor: 'duration',
    max_failure_ratio: 'number', order: { enum: ['stop-first', 'start-first'] },
  },
});

const refKeys: ObjectSchema = { keys: { source: 'string', target: 'string', uid: 'string', gid: 'string', mode: 'number' } };
const externalSpec: ValueSpec = { oneOf: ['boolean', { object: 'external' }] };
const driverOpts: ValueSpec = { mapOf: 'stringOrNumber' };

export const SCHEMAS: Readonly<Record<string, ObjectSchema>> = {
  top: {
    keys: {
      version: 'any', // checked by version.ts
      services: { mapOf: { object: 'service' }, names: true },
      networks: { mapOf: { object: 'network', nullable: true }, names: true },
      volumes: { mapOf: { object: 'volume', nullable: true }, names: true },
      secrets: { mapOf: { object: 'secret' }, names: true },
      configs: { mapOf: { object: 'config' }, names: true },
    },
    extensions: true,
  },
  service: {
    extensions: true,
    keys: {
      deploy: { object: 'deploy', nullable: true },
      build: { oneOf: ['string', { object: 'build' }] },
      cap_add: 'stringList', cap_drop: 'stringList', cgroupns_mode: 'string', cgroup_parent: 'string',
      command: 'stringOrList', configs: { listOf: { oneOf: ['string', { object: 'fileRef' }] } },
      container_name: 'string', credential_spec: { object: 'credentialSpec' }, depends_on: 'stringList',
      devices: 'stringList', dns: 'stringOrList', dns_search: 'stringOrList', domainname: 'string',
      entrypoint: 'stringOrList', env_file: 'stringOrList', environment: 'listOrMap',
      expose: { listOf: 'stringOrNumber' }, external_links: 'stringList', extra_hosts: 'listOrMap',
      healthcheck: { object: 'healthcheck' }, hostname: 'string', image: 'string', init: 'boolean',
      ipc: 'string', isolation: 'string', labels: 'listOrMap', links: 'stringList', logging: { object: 'logging' },
      mac_address: 'string', network_mode: 'string',
      networks: { oneOf: ['stringList', { mapOf: { object: 'serviceNetwork', nullable: true } }] },
      pid: 'string', ports: { listOf: { oneOf: ['port', { object: 'portLong' }] } },
      privileged: 'boolean', read_only: 'boolean', restart: 'string', security_opt: 'stringList',
      shm_size: { oneOf: ['integer', 'bytes'] }, secrets: { listOf: { oneOf: ['string', { object: 'fileRef' }] } },
      sysctls: 'listOrMap', stdin_open: 'boolean', stop_grace_period: 'duration', stop_signal: 'string',
      tmpfs: 'stringOrList', tty: 'boolean', ulimits: { mapOf: { oneOf: ['integer', { object: 'ulimit' }] } },
      oom_score_adj: 'integer', user: 'string', userns_mode: 'string',
      volumes: { listOf: { oneOf: ['string', { object: 'volumeLong' }] } }, working_dir: 'string',
      extends: 'any', // the CLI rejects it; swarmRules.ts explains why
    },
  },
  build: {
    open: true,
    keys: {
      context: 'string', dockerfile: 'string', args: 'listOrMap', labels: 'listOrMap', cache_from: 'stringList',
      network: 'string', target: 'string', shm_size: { oneOf: ['integer', 'bytes'] }, extra_hosts: 'listOrMap',
    },
  },
  credentialSpec: { keys: { config: 'string', file: 'string', registry: 'string' } },
  fileRef: refKeys,
  logging: { keys: { driver: 'string', options: { mapOf: 'stringOrNumber', nullable: true } } },
  serviceNetwork: { keys: { aliases: 'stringList', driver_opts: driverOpts, ipv4_address: 'string', ipv6_address: 'string' } },
  portLong: {
    keys: { mode: { enum: ['ingress', 'host'] }, target: 'integer', published: 'integer', protocol: { enum: ['tcp', 'udp', 'sctp'] } },
  },
  ulimit: { keys: { soft: 'integer', hard: 'integer' } },
  volumeLong: {
    keys: {
      type: { enum: ['bind', 'volume', 'tmpfs', 'npipe', 'cluster'] }, source: 'string', target: 'string', read_only: 'boolean',
      consistency: 'string', bind: { object: 'bindOpts' }, volume: { object: 'volumeOpts' }, tmpfs: { object: 'tmpfsOpts' },
    },
  },
  bindOpts: { keys: { propagation: 'string' } },
  volumeOpts: { keys: { nocopy: 'boolean' } },
  tmpfsOpts: { keys: { size: 'integer' } },
  healthcheck: {
    keys: {
      disable: 'boolean', interval: 'duration', retries: 'number', test: 'stringOrList', timeout: 'duration',
      start_period: 'duration', start_interval: 'duration',
    },
  },
  deploy: {
    keys: {
      mode: { enum: ['replicated', 'global'] }, endpoint_mode: { enum: ['vip', 'dnsrr'] }, replicas: 'integer',
      labels: 'listOrMap', rollback_config: { object: 'rollbackConfig' }, update_config: { object: 'updateConfig' },
      resources: { object: 'resources' }, restart_policy: { object: 'restartPolicy' }, placement: { object: 'placement' },
    },
  },
  updateConfig: updateKeys(['continue', 'pause', 'rollback']),
  rollbackConfig: updateKeys(['continue', 'pause']),
  resources: {
    keys: { limits: { object: 'limits' }, reservations: { object: 'reservations' }, memory_swap: 'integer', memory_swappiness: 'integer' },
  },
  limits: { keys: { cpus: 'cpus', memory: 'bytes', pids: 'integer' } },
  reservations: { keys: { cpus: 'cpus', memory: 'bytes', generic_resources: { listOf: { object: 'genericResource' } } } },
  genericResource: { keys: { discrete_resource_spec: { object: 'discreteResource' } } },
  discreteResource: { keys: { kind: 'string', value: 'number' } },
  restartPolicy: {
    keys: { condition: { enum: ['none', 'on-failure', 'any'] }, delay: 'duration', max_attempts: 'integer', window: 'duration' },
  },
  placement: {
    keys: { constraints: 'stringList', preferences: { listOf: { object: 'preference' } }, max_replicas_per_node: 'integer' },
  },
  preference: { keys: { spread: 'string' } },
  network: {
    extensions: true,
    keys: {
      name: 'string', driver: 'string', driver_opts: driverOpts, ipam: { object: 'ipam' }, external: externalSpec,
      internal: 'boolean', attachable: 'boolean', labels: 'listOrMap',
    },
  },
  ipam: { keys: { driver: 'string', config: { listOf: { object: 'ipamConfig' } } } },
  ipamConfig: { keys: { subnet: 'string' } },
  external: { keys: { name: 'string' } },
  volume: {
    extensions: true,
    keys: { name: 'string', driver: 'string', driver_opts: driverOpts, external: externalSpec, labels: 'listOrMap', 'x-cluster-spec': 'any' },
  },
  secret: {
    extensions: true,
    keys: {
      name: 'string', file: 'string', external: externalSpec, labels: 'listOrMap', driver: 'string',
      driver_opts: driverOpts, template_driver: 'string',
    },
  },
  config: { extensions: true, keys: { name: 'string', file: 'string', external: externalSpec, labels: 'listOrMap', template_driver: 'string' } },
};
