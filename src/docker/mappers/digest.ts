// A key of a task spec, so that "is this task up to date with its service" is one string compare.
// The Engine marshals `Spec.TaskTemplate` of a service and `Spec` of its tasks from the same Go type
// (same key order, map keys sorted), except that tasks leave out `Runtime`. Checked against the
// Engine's own `_up-to-date` task filter across updates, rollbacks and forced updates
// (test/integration/convergence.test.ts). The key is the spec's JSON text, interned: the tasks of a
// service share one string, and comparing two interned strings is comparing pointers.
import { obj } from './json';

const interned = new Map<string, string>();
/** Specs change rarely; past this many distinct ones, start over rather than grow without bound. */
const MAX_INTERNED = 20_000;

export function taskSpecDigest(spec: unknown): string {
  const o = obj(spec);
  let text: string;
  if ('Runtime' in o) {
    const rest: Record<string, unknown> = { ...o };
    delete rest['Runtime'];
    text = JSON.stringify(rest);
  } else {
    text = JSON.stringify(o);  // a task's spec: no copy needed
  }
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(text, text);
  return text;
}
