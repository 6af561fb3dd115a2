// `swarm-lint --cluster`: what the cluster-aware checks need, read once (one list call per kind) from
// the endpoint the docker CLI would use. Bundled separately: it pulls in dockerode.
import { createSwarmApi } from '../docker/swarmApis';
import { classifyError, infoProblem } from '../domain/errors';
import type { ClusterFacts } from '../stackLint';
import { clusterFactsOf } from '../stackFiles/clusterFacts';

export async function readClusterFacts(setting?: string): Promise<ClusterFacts> {
  const api = createSwarmApi(setting);
  try {
    const problem = infoProblem(await api.info(), api.endpointLabel);
    if (problem) throw Object.assign(new Error(`${problem.message} ${problem.hint}`), { problem });
    const [networks, secrets, configs, nodes] = await Promise.all([
      api.list('network'), api.list('secret'), api.list('config'), api.list('node')]);
    return clusterFactsOf({ networks, secrets, configs, nodes });
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'problem' in e) throw e;
    const err = classifyError(e, api.endpointLabel);
    throw new Error(`${err.message} ${err.hint}`);
  } finally {
    api.dispose(); // an ssh connection would keep the process alive
  }
}
