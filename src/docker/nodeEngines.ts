// Finding the engine of a given node: among the user's Docker contexts, the one whose engine's
// `/info` reports that node id (Swarm.NodeID). Used where an action must run on that node itself
// (`docker swarm leave` of a node being removed). Each candidate gets a short deadline.
import type { ActionLog, NodeEngine, NodeEngines } from '../operations/ports';
import { allContextEndpoints } from './dockerContexts';
import { nodeResolveInput } from './dockerOptions';
import { DockerWriteApi } from './dockerWriteApi';
import { describeSource, endpointLabel } from './endpoint';
import { DockerShellStreams } from './execShell';
import { apiForEndpoint, type ApiOptions } from './swarmApis';

const PROBE_TIMEOUT_MS = 3_000;

export class ContextNodeEngines implements NodeEngines {
  constructor(private readonly log?: ActionLog, private readonly options: ApiOptions = {}) {}

  async find(nodeId: string, signal?: AbortSignal): Promise<NodeEngine | undefined> {
    const input = this.options.input ?? nodeResolveInput(undefined);
    const probes = await Promise.all(allContextEndpoints(input).map(async (endpoint) => {
      const probe = apiForEndpoint(endpoint, { ...this.options, input, callTimeoutMs: PROBE_TIMEOUT_MS });
      try {
        return (await probe.info()).nodeId === nodeId ? endpoint : undefined;
      } catch {
        return undefined;
      } finally {
        probe.dispose();
      }
    }));
    const found = probes.find((e) => e !== undefined);
    if (!found || signal?.aborted) return undefined;
    // The probe's short deadline is for the probe only: the node's own calls get the usual one.
    const api = apiForEndpoint(found, { ...this.options, input });
    return { label: `${describeSource(found)} (${endpointLabel(found)})`, api: new DockerWriteApi(api, this.log), shell: new DockerShellStreams(api) };
  }
}
