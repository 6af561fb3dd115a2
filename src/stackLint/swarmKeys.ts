// Keys that are valid YAML-wise but wrong for `docker stack deploy`.

/** What to do instead; `moveTo` (a path from the service) when the value can simply move there. */
export interface Unsupported { readonly hint: string; readonly moveTo?: string }

/** Compose-spec (docker compose) keys absent from the 3.x schema: the CLI rejects the file. */
export const UNSUPPORTED_TOP: Readonly<Record<string, Unsupported>> = {
  name: { hint: 'the stack name is the argument of `docker stack deploy <name>`' },
  include: { hint: 'merge files with `docker stack deploy -c a.yml -c b.yml`' },
};

export const UNSUPPORTED_SERVICE: Readonly<Record<string, Unsupported>> = {
  cpus: { hint: 'use deploy.resources.limits.cpus', moveTo: 'deploy.resources.limits.cpus' },
  mem_limit: { hint: 'use deploy.resources.limits.memory', moveTo: 'deploy.resources.limits.memory' },
  mem_reservation: { hint: 'use deploy.resources.reservations.memory', moveTo: 'deploy.resources.reservations.memory' },
  memswap_limit: { hint: 'the 3.x format has no swap limit for swarm services; remove it' },
  mem_swappiness: { hint: 'the 3.x format has no swappiness for swarm services; remove it' },
  cpu_shares: { hint: 'use deploy.resources.reservations.cpus (what the scheduler sets aside) or deploy.resources.limits.cpus' },
  cpu_quota: { hint: 'use deploy.resources.limits.cpus' },
  cpu_period: { hint: 'use deploy.resources.limits.cpus' },
  cpuset: { hint: 'swarm has no CPU pinning; remove it' },
  pids_limit: { hint: 'use deploy.resources.limits.pids', moveTo: 'deploy.resources.limits.pids' },
  pull_policy: { hint: 'swarm always resolves the image digest at deploy; use `docker stack deploy --resolve-image`' },
  develop: { hint: 'compose watch is not available in swarm; remove it' },
  platform: { hint: 'use deploy.placement.constraints (node.platform.os / node.platform.arch)' },
  profiles: { hint: 'split the stack into several files instead' },
  scale: { hint: 'use deploy.replicas', moveTo: 'deploy.replicas' },
  runtime: { hint: 'swarm services cannot choose a runtime; remove it' },
  volumes_from: { hint: 'use a named volume shared by both services' },
  volume_driver: { hint: 'define the volume under the top-level `volumes:` with its `driver`' },
  storage_opt: { hint: 'swarm services cannot set storage options; remove it' },
  oom_kill_disable: { hint: 'swarm services cannot set it; remove it' },
  extends: { hint: 'it is not implemented in docker stack deploy; use YAML anchors (`<<: *common`) or several -c files' },
};

/** In the 3.x schema but dropped by `docker stack deploy` ("Ignoring unsupported/deprecated options"). Value: what to do. */
export const IGNORED_SERVICE: Readonly<Record<string, string>> = {
  build: 'build and push the image first, then reference it in `image`',
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
