// Compose resource keys (`cpus`, `mem_limit`, `mem_reservation`) → `deploy.resources.*`.
import type { StackDiagnostic } from '../types';
import { insertAtPath, removePair } from './insert';
import { indentUnit, inService, locateKey, startOffset, type FixDoc } from './locate';
import { toTextEdits } from './text';
import type { QuickFix } from './types';

const TARGETS: Readonly<Record<string, readonly [string, string]>> = {
  cpus: ['limits', 'cpus'],
  mem_limit: ['limits', 'memory'],
  mem_reservation: ['reservations', 'memory'],
};

export function resourceFixes(doc: FixDoc, diagnostic: StackDiagnostic): QuickFix[] {
  const { text } = doc;
  const loc = locateKey(doc, startOffset(doc, diagnostic.range));
  const key = loc?.pair.key.value;
  const target = typeof key === 'string' ? TARGETS[key] : undefined;
  if (!loc || !target || !inService(loc)) return [];
  const v = loc.pair.value;
  if (v.kind !== 'scalar' || (typeof v.value !== 'number' && typeof v.value !== 'string') || v.style === 'block') return [];
  const raw = text.slice(v.start, v.end);
  // The CLI wants strings here: quote numbers, keep strings as written.
  const value = typeof v.value === 'number' ? `"${raw}"` : raw;
  const remove = removePair(text, loc.map, loc.pair);
  const [section, leaf] = target;
  const add = insertAtPath(text, loc.map, ['deploy', 'resources', section], [[0, `${leaf}: ${value}`]], indentUnit(text, loc), leaf);
  if (!remove || !add) return [];
  return [{ title: `Move \`${key}\` to \`deploy.resources.${section}.${leaf}\``, edits: toTextEdits(doc, [remove, add]), isPreferred: true }];
}
