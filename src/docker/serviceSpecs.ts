// A service's Spec and PreviousSpec as the engine holds them (for a diff).
import type { DockerSwarmApi } from './dockerSwarmApi';
import { inspectRaw } from './inspect';
import { at, obj, str } from './mappers/json';

export interface ServiceSpecs {
  readonly name: string;
  readonly spec: unknown;
  /** undefined when the service has none */
  readonly previous: unknown;
}

export async function serviceSpecs(api: DockerSwarmApi, id: string): Promise<ServiceSpecs | undefined> {
  const found = await inspectRaw(api, 'service', id);
  if (found === undefined) return undefined;
  const previous = at(found, 'PreviousSpec');
  return { name: str(at(found, 'Spec', 'Name')), spec: at(found, 'Spec'), previous: Object.keys(obj(previous)).length > 0 ? previous : undefined };
}
