// The driver of a network the stack creates (measured on a swarm with CLI 28.2.2): only `overlay`
// (the default) works as it is; `bridge` is local to a node and services refuse it, `host` and `none`
// exist once per node, `macvlan`/`ipvlan` need per-node configuration a stack file cannot give; any
// other name is a plugin the engines must have — checked when the swarm's drivers are known.
import type { StackModel } from '../stack/model';
import type { Reporter } from './report';
import type { ClusterFacts } from './types';

const WHY: Readonly<Record<string, string>> = {
  bridge: 'a bridge network is local to one node, and services only use swarm-scoped networks: use overlay',
  host: 'host is a network every node has once: to use it, declare it external (`external: true`, name `host`)',
  none: 'none is a network every node has once: to use it, declare it external (`external: true`, name `none`)',
  macvlan: 'a swarm macvlan network needs a config-only network on each node (`docker network create --config-only`), which a stack file cannot create: create it outside and declare it external',
  ipvlan: 'a swarm ipvlan network needs a config-only network on each node (`docker network create --config-only`), which a stack file cannot create: create it outside and declare it external',
};

export function checkNetworkDrivers(model: StackModel, cluster: ClusterFacts | undefined, r: Reporter): void {
  for (const [name, net] of model.networks) {
    const d = net.driver;
    if (!d || d.unknown || d.value === '' || d.value === 'overlay' || net.external?.value === true) continue;
    const why = WHY[d.value];
    if (why) {
      r.at(d.node, 'invalid-value', 'error', `\`networks.${name}.driver: ${d.value}\`: ${why}.`);
    } else if (cluster?.networkDrivers && !cluster.networkDrivers.includes(d.value)) {
      const known = cluster.networkDrivers.filter((x) => !['bridge', 'host', 'null', 'macvlan', 'ipvlan'].includes(x));
      r.at(d.node, 'unknown-driver', 'error', `\`networks.${name}.driver\`: the swarm has no network driver "${d.value}" (it has ${known.join(', ')}): install the plugin on every node, or use overlay.`, { suggestion: 'overlay' });
    }
  }
}
