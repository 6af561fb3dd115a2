// Keys that are valid YAML-wise but wrong for `docker stack deploy`.

/** Compose-spec (docker compose) keys absent from the 3.x schema: the CLI rejects the file. Value: where swarm wants it. */
export const UNSUPPORTED_TOP: Readonly<Record<string, string>> = {
  name: 'the stack name is the argument of `docker stack deploy <name>`',
  include: 'merge files with `docker stack deploy -c a.yml -c b.yml`',
};

export const UNSUPPORTED_SERVICE: Readonly<Record<string, string>> = {
  cpus: 'use deploy.resources.limits.cpus',
  mem_limit: 'use deploy.resources.limits.memory',
  mem_reservation: 'use deploy.resources.reservations.memory',
  memswap_limit: 'use deploy.resources.memory_swap',
  mem_swappiness: 'use deploy.resources.memory_swappiness',
  cpu_shares: 'use deploy.resources.reservations.cpus',
  cpu_quota: 'use deploy.resources.limits.cpus',
  cpu_period: 'use deploy.resources.limits.cpus',
  cpuset: 'swarm has no CPU pinning; remove it',
  pids_limit: 'use deploy.resources.limits.pids',
  pull_policy: 'swarm always resolves the image digest at deploy; use `docker stack deploy --resolve-image`',
  develop: 'compose watch is not available in swarm; remove it',
  platform: 'use deploy.placement.constraints (node.platform.os / node.platform.arch)',
  profiles: 'split the stack into several files instead',
  scale: 'use deploy.replicas',
  runtime: 'swarm services cannot choose a runtime; remove it',
  volumes_from: 'use a named volume shared by both services',
  storage_opt: 'swarm services cannot set storage options; remove it',
  oom_kill_disable: 'swarm services cannot set it; remove it',
};

/** In the 3.x schema but dropped by `docker stack deploy` ("Ignoring unsupported/deprecated options"). Value: what to do. */
export const IGNORED_SERVICE: Readonly<Record<string, string>> = {
  build: 'build and push the image first, then reference it in `image`',
  restart: 'use deploy.restart_policy',
  links: 'services on a shared network reach each other by service name',
  external_links: 'attach the service to the other stack\'s network instead',
  privileged: 'swarm services cannot run privileged; use cap_add for the capabilities you need',
  network_mode: 'attach the service to overlay networks under `networks`',
  devices: 'swarm services cannot map devices',
  security_opt: 'remove it',
  shm_size: 'mount a tmpfs volume on /dev/shm instead',
  pid: 'remove it',
  ipc: 'remove it',
  cgroupns_mode: 'remove it',
  cgroup_parent: 'remove it',
  userns_mode: 'remove it',
  domainname: 'remove it',
  mac_address: 'remove it',
  container_name: 'deprecated: swarm names tasks <stack>_<service>.<slot>; reach the service by its name',
  expose: 'deprecated: services on a shared network reach every port; remove it',
};
