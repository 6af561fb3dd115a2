// One mapper per kind, so generic code (the Docker SwarmApi) can map any list it fetched.
import type { Kind, ObjectOfKind } from '../../domain/model';
import { toNode } from './nodes';
import { toConfig, toNetwork, toSecret, toTask } from './others';
import { toService } from './services';

export { toSwarmInfo } from './nodes';

export const MAPPERS: { readonly [K in Kind]: (raw: unknown) => ObjectOfKind[K] } = {
  node: toNode,
  service: toService,
  task: toTask,
  secret: toSecret,
  config: toConfig,
  network: toNetwork,
};
