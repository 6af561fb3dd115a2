// A new service from the guided input: the Engine spec `POST /services/create` takes, and the
// `docker service create …` command that makes the same service (shown before it runs, logged
// after). The image is sent as given: like `--no-resolve-image`, no registry is asked for a digest.
import { dockerCommand } from './cliCommand';
import type { PortConfigSpec, ServiceSpec } from './specs/serviceSpec';

export interface CreateServiceInput {
  readonly name: string;
  readonly image: string;
  readonly mode: { readonly kind: 'replicated'; readonly replicas: number } | { readonly kind: 'global' };
  /** Arguments after the image (the image's CMD is replaced). */
  readonly args: readonly string[];
  readonly ports: readonly PortConfigSpec[];
  readonly env: readonly string[];
  readonly networks: readonly { readonly id: string; readonly name: string }[];
  readonly secrets: readonly { readonly id: string; readonly name: string }[];
  readonly constraint?: string;
  /** `--init`: an init process reaps zombies and forwards signals (stops are quick). */
  readonly init?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

export function createServiceSpec(input: CreateServiceInput): ServiceSpec {
  const container = {
    Image: input.image,
    ...(input.args.length > 0 ? { Args: [...input.args] } : {}),
    ...(input.env.length > 0 ? { Env: [...input.env] } : {}),
    ...(input.init ? { Init: true } : {}),
    ...(input.secrets.length > 0 ? {
      Secrets: input.secrets.map((s) => ({ SecretID: s.id, SecretName: s.name, File: { Name: s.name, UID: '0', GID: '0', Mode: 0o444 } })),
    } : {}),
  };
  return {
    Name: input.name,
    ...(input.labels ? { Labels: { ...input.labels } } : {}),
    TaskTemplate: {
      ContainerSpec: container,
      ...(input.constraint ? { Placement: { Constraints: [input.constraint] } } : {}),
      ...(input.networks.length > 0 ? { Networks: input.networks.map((n) => ({ Target: n.id })) } : {}),
    },
    Mode: input.mode.kind === 'global' ? { Global: {} } : { Replicated: { Replicas: input.mode.replicas } },
    ...(input.ports.length > 0 ? { EndpointSpec: { Ports: input.ports.map((p) => ({ ...p })) } } : {}),
  };
}

function publishFlag(p: PortConfigSpec): string {
  return [p.PublishedPort !== undefined && `published=${p.PublishedPort}`, `target=${p.TargetPort ?? 0}`,
    `protocol=${p.Protocol ?? 'tcp'}`, `mode=${p.PublishMode ?? 'ingress'}`].filter(Boolean).join(',');
}

export function createServiceCommand(input: CreateServiceInput): string {
  return dockerCommand('service', 'create', '--name', input.name,
    ...(input.mode.kind === 'global' ? ['--mode', 'global'] : ['--replicas', String(input.mode.replicas)]),
    ...input.ports.flatMap((p) => ['--publish', publishFlag(p)]),
    ...input.env.flatMap((e) => ['--env', e]),
    ...input.networks.flatMap((n) => ['--network', n.name]),
    ...input.secrets.flatMap((s) => ['--secret', s.name]),
    ...(input.constraint ? ['--constraint', input.constraint] : []),
    ...(input.init ? ['--init'] : []),
    ...Object.entries(input.labels ?? {}).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    '--no-resolve-image', input.image, ...input.args);
}
