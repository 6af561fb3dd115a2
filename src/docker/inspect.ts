// One object as the Engine holds it, through the same list call the store makes narrowed to its id
// (the `id` filter matches prefixes: the exact id is picked out). A list entry carries what
// `docker <kind> inspect` shows for swarm objects.
import type { Kind } from '../domain/model';
import type { DockerSwarmApi } from './dockerSwarmApi';
import { arr, obj, str } from './mappers/json';

export async function inspectRaw(api: DockerSwarmApi, kind: Kind, id: string): Promise<unknown> {
  const all = arr(await api.fetch(kind, { id: [id] }));
  return all.find((o) => str(obj(o)['ID'] ?? obj(o)['Id']) === id);
}
