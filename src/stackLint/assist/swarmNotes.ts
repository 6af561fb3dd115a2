// Keys that `docker stack deploy` ignores or rejects, for completion and hover: the linter's own
// tables (../swarmKeys.ts), plus the two keys the linter reports by their own codes.
import { IGNORED_SERVICE, UNSUPPORTED_SERVICE, UNSUPPORTED_TOP } from '../swarmKeys';

/** In the 3.x schema but dropped by the CLI at deploy (depends_on silently). */
export const IGNORED_SERVICE_KEYS: Readonly<Record<string, string>> = {
  ...IGNORED_SERVICE,
  depends_on: 'swarm starts services in any order; make services retry their dependencies',
};

/** In the schema, but the CLI refuses the file when present. */
export const REJECTED_SERVICE_KEYS: Readonly<Record<string, string>> = {
  extends: 'use YAML anchors (`<<: *common`) or several `-c` files',
};

/** Compose-spec keys absent from the 3.x schema: the CLI refuses the file. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  top: UNSUPPORTED_TOP,
  service: UNSUPPORTED_SERVICE,
};
