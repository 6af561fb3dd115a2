// Keys that `docker stack deploy` ignores or rejects, for completion and hover: the linter's own
// tables (../swarmKeys.ts), plus the keys the linter explains with codes of their own.
import { IGNORED_SERVICE, UNSUPPORTED_SERVICE, UNSUPPORTED_TOP, type Unsupported } from '../swarmKeys';

/** In the 3.x schema but dropped by the CLI at deploy (depends_on silently; restart only said to be). */
export const IGNORED_SERVICE_KEYS: Readonly<Record<string, string>> = {
  ...IGNORED_SERVICE,
  restart: 'it says so, but without deploy.restart_policy it uses `restart` as the restart policy (`no` leaves swarm\'s default: condition any, forever); use deploy.restart_policy',
  depends_on: 'swarm starts services in any order; make services retry their dependencies',
};

/** Not in the schema, and no completion should offer it. */
export const REJECTED_SERVICE_KEYS: Readonly<Record<string, string>> = {
  extends: UNSUPPORTED_SERVICE.extends?.hint ?? '',
};

/** Compose-spec keys absent from the 3.x schema: the CLI refuses the file. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, Readonly<Record<string, Unsupported>>>> = {
  top: UNSUPPORTED_TOP,
  service: UNSUPPORTED_SERVICE,
};
