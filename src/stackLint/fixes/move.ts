// A key in the wrong place → where it belongs (`data.moveTo`, a path from the service): `cpus` at
// service level to `deploy.resources.limits.cpus`, `replica` to `deploy.replicas`, … The value moves
// as written, quoted when the target wants a string and it is a number.
import { composeSchema, LATEST_MINOR, type Schema } from '../schema';
import type { StackDiagnostic } from '../types';
import { insertAtPath, removePair } from './insert';
import { indentUnit, locateKey, startOffset } from './locate';
import { toTextEdits } from './text';
import type { FixDoc, QuickFix } from './types';

/** The schema of a path under a service (latest version). */
function specAt(path: readonly string[]): Schema | undefined {
  let s = composeSchema(LATEST_MINOR).properties?.services?.values;
  for (const k of path) s = s?.properties?.[k] ?? s?.oneOf?.find((b) => b.properties?.[k])?.properties?.[k];
  return s;
}

export function moveFixes(doc: FixDoc, diagnostic: StackDiagnostic): QuickFix[] {
  const to = diagnostic.data?.moveTo;
  const loc = locateKey(doc, startOffset(doc, diagnostic.range));
  if (!to || !loc) return [];
  const [services, svc] = loc.ancestors;
  if (services?.key.text !== 'services' || !svc || svc.value.kind !== 'map') return [];
  const target = to.split('.');
  const leaf = target.pop() ?? '';
  const v = loc.pair.value;
  if (v.kind !== 'scalar' || v.style === 'block' || v.style === 'empty') return [];
  const raw = doc.text.slice(v.start, v.end);
  const value = typeof v.value === 'number' && specAt([...target, leaf])?.type === 'string' ? `"${raw}"` : raw;
  const remove = removePair(doc.text, loc.map, loc.pair);
  const add = insertAtPath(doc.text, svc.value, target, [[0, `${leaf}: ${value}`]], indentUnit(doc.text, loc), leaf);
  if (!remove || !add) return [];
  const key = loc.pair.key.text;
  return [{ title: `Move \`${key}\` to \`${to}\``, edits: toTextEdits(doc, [remove, add]), isPreferred: true }];
}
