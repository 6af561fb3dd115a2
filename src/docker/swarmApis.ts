// Making SwarmApis for endpoints: the one the docker CLI would use (swarm.dockerHost first), and the
// failover set — the Docker contexts and the swarm.failoverEndpoints entries, which the store tries
// when the manager it talks to is down (it accepts one only if it is a manager of the same swarm).
import * as fs from 'node:fs';
import { allContextEndpoints } from './dockerContexts';
import { nodeResolveInput, toDockerOptions, type SshSetup } from './dockerOptions';
import { DEFAULT_CALL_TIMEOUT_MS, DockerSwarmApi } from './dockerSwarmApi';
import { endpointLabel, resolveEndpoint, type Endpoint, type ResolveInput } from './endpoint';
import { createDocker } from './modem';
import { HostKeyPolicy, refuseUnknownHosts, type TrustPrompt } from './ssh/hostKeyPolicy';
import { authMethods } from './ssh/identities';
import { nodeSshFiles } from './ssh/nodeSshFiles';

export interface ApiOptions {
  readonly callTimeoutMs?: number;
  /** The swarm.context setting: a Docker context by name (after swarm.dockerHost, before DOCKER_HOST). */
  readonly context?: string;
  /** Asks the user about an unknown ssh host; without it, unknown hosts are refused (swarm-lint). */
  readonly trust?: TrustPrompt;
  /** The environment and files to resolve from (tests); the process's by default. */
  readonly input?: ResolveInput;
}

function sshSetup(e: Endpoint & { kind: 'ssh' }, input: ResolveInput, trust: TrustPrompt | undefined): { setup: SshSetup; explain: (err: unknown) => unknown } {
  const files = nodeSshFiles(input.homedir);
  const policy = new HostKeyPolicy(files, trust ?? refuseUnknownHosts({ host: e.host, port: e.port, user: e.username }));
  const setup: SshSetup = { policy, auth: (username) => authMethods(username, input.env.SSH_AUTH_SOCK, input.homedir, files.readKey) };
  return { setup, explain: (err) => policy.explain(err) };
}

/** A SwarmApi for one resolved endpoint. */
export function apiForEndpoint(e: Endpoint, options: ApiOptions = {}): DockerSwarmApi {
  const input = options.input ?? nodeResolveInput(undefined);
  const ssh = e.kind === 'ssh' ? sshSetup(e, input, options.trust) : undefined;
  const docker = createDocker(toDockerOptions(e, (p) => fs.readFileSync(p), ssh?.setup));
  return new DockerSwarmApi(docker, endpointLabel(e), options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS, ssh?.explain);
}

/**
 * The SwarmApi for the endpoint the docker CLI would use, `setting` (swarm.dockerHost) first.
 * Throws EndpointError when the setting, DOCKER_HOST or the current context is not usable.
 */
export function createSwarmApi(setting: string | undefined, options: ApiOptions = {}): DockerSwarmApi {
  const input = options.input ?? nodeResolveInput(setting);
  return apiForEndpoint(resolveSwarmEndpoint(setting, { ...options, input }), { ...options, input });
}

/** The endpoint createSwarmApi would use (its source names a chosen Docker context). */
export function resolveSwarmEndpoint(setting: string | undefined, options: ApiOptions = {}): Endpoint {
  const input = options.input ?? nodeResolveInput(setting);
  return resolveEndpoint({ ...input, setting, contextSetting: options.context });
}

export type FailoverSet = (() => readonly DockerSwarmApi[]) & { dispose(): void };

/**
 * The failover candidates besides `primary`: every Docker context, then each of `extra` (host
 * strings of swarm.failoverEndpoints, resolved like swarm.dockerHost). Listed afresh on each call,
 * so a context added later counts; an endpoint keeps its SwarmApi (and negotiated version) across
 * calls. `dispose` closes the connections of all of them.
 */
export function failoverSet(primary: string, extra: readonly string[], options: ApiOptions = {}): FailoverSet {
  const made = new Map<string, DockerSwarmApi>();
  const list = (): readonly DockerSwarmApi[] => {
    const input = options.input ?? nodeResolveInput(undefined);
    const endpoints: Endpoint[] = [];
    for (const host of extra) {
      try { endpoints.push(resolveEndpoint({ ...input, setting: host })); } catch { /* an unusable entry is not a candidate */ }
    }
    endpoints.unshift(...allContextEndpoints(input));
    const out: DockerSwarmApi[] = [];
    for (const e of endpoints) {
      const label = endpointLabel(e);
      if (label === primary || out.some((a) => a.endpointLabel === label)) continue;
      let api = made.get(label);
      if (!api) made.set(label, api = apiForEndpoint(e, { ...options, input }));
      out.push(api);
    }
    return out;
  };
  return Object.assign(list, { dispose: () => { for (const api of made.values()) api.dispose(); } });
}
