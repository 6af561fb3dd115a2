// What the cluster-aware checks need to know about the swarm, read once (one list call per kind)
// from the endpoint the extension would use. Bundled separately: it pulls in dockerode.
import { createSwarmApi } from '../docker/dockerSwarmApi';
import { classifyError, infoProblem } from '../domain/errors';

export interface ClusterFacts {
  readonly networks: readonly string[];
  readonly secrets: readonly string[];
  readonly configs: readonly string[];
  readonly nodeLabels: readonly Readonly<Record<string, string>>[];
  readonly engineLabels: readonly Readonly<Record<string, string>>[];
}

export async function readClusterFacts(setting?: string): Promise<ClusterFacts> {
  const api = createSwarmApi(setting);
  try {
    const problem = infoProblem(await api.info(), api.endpointLabel);
    if (problem) throw Object.assign(new Error(`${problem.message} ${problem.hint}`), { problem });
    const [networks, secrets, configs, nodes] = await Promise.all([
      api.list('network'), api.list('secret'), api.list('config'), api.list('node')]);
    return {
      networks: networks.map((n) => n.name),
      secrets: secrets.map((s) => s.name),
      configs: configs.map((c) => c.name),
      nodeLabels: nodes.map((n) => n.labels),
      engineLabels: nodes.map((n) => n.engineLabels),
    };
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'problem' in e) throw e;
    const err = classifyError(e, api.endpointLabel);
    throw new Error(`${err.message} ${err.hint}`);
  }
}
