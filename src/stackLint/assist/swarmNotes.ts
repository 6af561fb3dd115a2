// Keys that `docker stack deploy` ignores or rejects, with where the swarm equivalent lives.
// The key lists mirror ../swarmKeys.ts (kept separate so assist depends only on schema.ts); the wording is ours.

/** In the 3.x schema but dropped by the CLI at deploy. */
export const IGNORED_SERVICE_KEYS: Readonly<Record<string, string>> = {
  build: 'build and push the image yourself, then set `image`',
  restart: 'the swarm equivalent is `deploy.restart_policy`',
  depends_on: 'swarm starts services in any order; make services retry their dependencies',
  links: 'services sharing a network already reach each other by service name',
  external_links: 'attach the service to the other stack\'s network instead',
  privileged: 'swarm services cannot run privileged; add the needed capabilities with `cap_add`',
  network_mode: 'attach the service to overlay networks under `networks`',
  devices: 'swarm services cannot map host devices',
  security_opt: 'swarm services cannot set it',
  shm_size: 'mount a tmpfs volume at /dev/shm instead',
  pid: 'swarm services cannot set it',
  ipc: 'swarm services cannot set it',
  cgroupns_mode: 'swarm services cannot set it',
  cgroup_parent: 'swarm services cannot set it',
  userns_mode: 'swarm services cannot set it',
  domainname: 'swarm services cannot set it',
  mac_address: 'swarm services cannot set it',
  container_name: 'swarm names tasks `<stack>_<service>.<slot>`; address the service by its name',
  expose: 'every port is reachable on a shared overlay network',
};

/** In the schema, but the CLI refuses the file when present. */
export const REJECTED_SERVICE_KEYS: Readonly<Record<string, string>> = {
  extends: 'use YAML anchors (`<<: *common`) or several `-c` files',
};

/** Compose-spec keys absent from the 3.x schema: the CLI refuses the file. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  top: {
    name: 'the stack name is the argument of `docker stack deploy`',
    include: 'pass several files with `docker stack deploy -c a.yml -c b.yml`',
  },
  service: {
    cpus: 'the swarm equivalent is `deploy.resources.limits.cpus`',
    mem_limit: 'the swarm equivalent is `deploy.resources.limits.memory`',
    mem_reservation: 'the swarm equivalent is `deploy.resources.reservations.memory`',
    memswap_limit: 'the swarm equivalent is `deploy.resources.memory_swap`',
    mem_swappiness: 'the swarm equivalent is `deploy.resources.memory_swappiness`',
    cpu_shares: 'the swarm equivalent is `deploy.resources.reservations.cpus`',
    cpu_quota: 'the swarm equivalent is `deploy.resources.limits.cpus`',
    cpu_period: 'the swarm equivalent is `deploy.resources.limits.cpus`',
    pids_limit: 'the swarm equivalent is `deploy.resources.limits.pids`',
    platform: 'constrain nodes with `deploy.placement.constraints` (node.platform.os / node.platform.arch)',
    scale: 'the swarm equivalent is `deploy.replicas`',
    profiles: 'split the stack into several files',
    pull_policy: 'the CLI resolves the image digest at deploy (`--resolve-image`)',
  },
};
