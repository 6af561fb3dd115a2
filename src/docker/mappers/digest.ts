// A digest of a task spec, so that "is this task up to date with its service" is one string compare.
// The Engine marshals `Spec.TaskTemplate` of a service and `Spec` of its tasks from the same Go type
// (same key order, map keys sorted), except that tasks leave out `Runtime`. Checked against the
// Engine's own `_up-to-date` task filter across updates, rollbacks and forced updates
// (test/integration/upToDate.test.ts).
import * as crypto from 'node:crypto';
import { obj } from './json';

export function taskSpecDigest(spec: unknown): string {
  const rest: Record<string, unknown> = { ...obj(spec) };
  delete rest['Runtime'];
  return crypto.createHash('sha1').update(JSON.stringify(rest)).digest('base64');
}
