// Secrets and configs are the same kind of object to an operator: named, immutable, mounted into
// services as files. What differs per kind is gathered here, so create, remove and rotate are
// written once.
import type { Config, Secret, Service } from '../../domain/model';
import { servicesUsingConfig, servicesUsingSecret } from '../../domain/resources/usage';
import type { NamedKind } from '../../domain/resources/validate';
import type { NamedObjectCreate, SwarmWriteApi } from '../ports';

export interface NamedKindOps {
  readonly kind: NamedKind;
  /** "Secret", "Config". */
  readonly title: string;
  users(services: readonly Service[], object: Secret | Config): Service[];
  create(api: SwarmWriteApi, request: NamedObjectCreate, signal?: AbortSignal): Promise<string>;
  remove(api: SwarmWriteApi, id: string, signal?: AbortSignal): Promise<void>;
  /** Lost with the object: said in the removal's confirmation. */
  readonly lost: string;
}

export const SECRETS: NamedKindOps = {
  kind: 'secret',
  title: 'Secret',
  users: servicesUsingSecret,
  create: (api, r, s) => api.createSecret(r, s),
  remove: (api, id, s) => api.removeSecret(id, s),
  lost: 'Swarm never gives a secret\'s value back, so it is gone unless you keep it elsewhere.',
};

export const CONFIGS: NamedKindOps = {
  kind: 'config',
  title: 'Config',
  users: servicesUsingConfig,
  create: (api, r, s) => api.createConfig(r, s),
  remove: (api, id, s) => api.removeConfig(id, s),
  lost: 'Its content goes with it (docker config inspect shows it until then).',
};

export function opsOf(kind: NamedKind): NamedKindOps {
  return kind === 'secret' ? SECRETS : CONFIGS;
}

/** Where the value comes from: a file (the CLI reads the same path), the masked input box, or an editor. */
export type ValueSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'input' }
  | { readonly kind: 'editor'; readonly label: string; readonly path?: string };

/** The CLI's data argument: the file, or `-` (standard input) for a typed value or an unsaved editor. */
export function dataArgument(source: ValueSource): string {
  if (source.kind === 'file') return source.path;
  if (source.kind === 'editor' && source.path) return source.path;
  return '-';
}

export function describeSource(source: ValueSource, bytes: number): string {
  const size = `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`;
  switch (source.kind) {
    case 'file': return `from ${source.path} (${size})`;
    case 'input': return `from the value you typed (${size}, not shown)`;
    case 'editor': return `from the editor ${source.label} (${size})`;
  }
}
