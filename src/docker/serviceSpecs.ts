// A service's Spec and PreviousSpec as the engine holds them (for a diff), read through the same
// list call the store makes, narrowed to one id.
import type { DockerSwarmApi } from './dockerSwarmApi';
import { arr, at, obj, str } from './mappers/json';

export interface ServiceSpecs {
  readonly name: string;
  readonly spec: unknown;
  /** undefined when the service has none */
  readonly previous: unknown;
}

export async function serviceSpecs(api: DockerSwarmApi, id: string): Promise<ServiceSpecs | undefined> {
  const found = arr(await api.fetch('service', { id: [id] })).find((s) => str(at(s, 'ID')) === id);
  if (found === undefined) return undefined;
  const previous = at(found, 'PreviousSpec');
  return { name: str(at(found, 'Spec', 'Name')), spec: at(found, 'Spec'), previous: Object.keys(obj(previous)).length > 0 ? previous : undefined };
}
