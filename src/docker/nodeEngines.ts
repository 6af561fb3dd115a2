// Finding the engine of a given node: among the user's Docker contexts, the one whose engine's
// `/info` reports that node id (Swarm.NodeID). Used where an action must run on that node itself
// (`docker swarm leave` of a node being removed). Each candidate gets a short deadline.
import Docker from 'dockerode';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { ActionLog, NodeEngine, NodeEngines } from '../operations/ports';
import { nodeResolveInput, toDockerOptions } from './dockerOptions';
import { DockerSwarmApi } from './dockerSwarmApi';
import { DockerWriteApi } from './dockerWriteApi';
import { DockerShellStreams } from './execShell';
import { describeSource, endpointLabel, resolveEndpoint, type ResolveInput } from './endpoint';

const PROBE_TIMEOUT_MS = 3_000;

/** Names of the Docker contexts in the config dir (`contexts/meta/<digest>/meta.json`). */
export function contextNames(input: ResolveInput, listDir: (dir: string) => readonly string[]): string[] {
  const dir = nodePath.join(input.env.DOCKER_CONFIG || nodePath.join(input.homedir, '.docker'), 'contexts', 'meta');
  const names: string[] = [];
  for (const digest of listDir(dir)) {
    const text = input.readFile(nodePath.join(dir, digest, 'meta.json'));
    try {
      const name: unknown = text === undefined ? undefined : (JSON.parse(text) as { Name?: unknown }).Name;
      if (typeof name === 'string' && name !== '') names.push(name);
    } catch {
      // A broken context file is the CLI's to report; it is simply not a candidate here.
    }
  }
  return names.sort();
}

function listDir(dir: string): readonly string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export class ContextNodeEngines implements NodeEngines {
  constructor(private readonly log?: ActionLog, private readonly input: ResolveInput = nodeResolveInput()) {}

  async find(nodeId: string, signal?: AbortSignal): Promise<NodeEngine | undefined> {
    const candidates = contextNames(this.input, listDir).flatMap((name) => {
      try {
        const { DOCKER_HOST: _ignored, ...env } = this.input.env;
        const endpoint = resolveEndpoint({ ...this.input, setting: undefined, env: { ...env, DOCKER_CONTEXT: name } });
        const docker = new Docker(toDockerOptions(endpoint));
        return [{ docker, probe: new DockerSwarmApi(docker, endpointLabel(endpoint), PROBE_TIMEOUT_MS),
          label: `${describeSource(endpoint)} (${endpointLabel(endpoint)})` }];
      } catch {
        return [];
      }
    });
    const probes = await Promise.all(candidates.map(async (c) => {
      try {
        return (await c.probe.info()).nodeId === nodeId ? c : undefined;
      } catch {
        return undefined;
      }
    }));
    if (signal?.aborted) return undefined;
    const found = probes.find((c) => c !== undefined);
    // The probe's short deadline is for the probe only: the node's own calls get the usual one.
    if (!found) return undefined;
    const api = new DockerSwarmApi(found.docker, found.probe.endpointLabel);
    return { label: found.label, api: new DockerWriteApi(api, this.log), shell: new DockerShellStreams(api) };
  }
}
