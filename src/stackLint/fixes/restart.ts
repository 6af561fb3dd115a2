// `restart:` → `deploy.restart_policy`, saying what the author meant (`no` → condition none, which the
// CLI itself does not do: it drops `no`, leaving swarm's default, condition any).
import type { StackDiagnostic } from '../types';
import { insertAtPath, removePair, type Lines } from './insert';
import { indentUnit, inService, locateKey, startOffset } from './locate';
import { toTextEdits } from './text';
import type { FixDoc, QuickFix } from './types';

/** The restart_policy lines for a compose `restart` value, or undefined when it has no swarm equivalent. */
export function policyFor(value: unknown): Lines | undefined {
  if (value === false || value === 'no') return [[0, 'condition: none']];
  if (value === 'always' || value === 'unless-stopped') return [[0, 'condition: any']];
  if (value === 'on-failure') return [[0, 'condition: on-failure']];
  const m = typeof value === 'string' ? /^on-failure:(\d+)$/.exec(value) : null;
  if (m) return [[0, 'condition: on-failure'], [0, `max_attempts: ${m[1] ?? ''}`]];
  return undefined;
}

export function restartFixes(doc: FixDoc, diagnostic: StackDiagnostic): QuickFix[] {
  const { text } = doc;
  const loc = locateKey(doc, startOffset(doc, diagnostic.range));
  if (!loc || loc.pair.key.text !== 'restart' || !inService(loc)) return [];
  const remove = removePair(text, loc.map, loc.pair);
  if (!remove) return [];
  const value = loc.pair.value.kind === 'scalar' ? loc.pair.value.value : undefined;
  const lines = policyFor(value);
  const hasPolicy = loc.map.pairs.some((p) => p.key.text === 'deploy' && p.value.kind === 'map' && p.value.pairs.some((q) => q.key.text === 'restart_policy'));
  const add = lines && !hasPolicy && insertAtPath(text, loc.map, ['deploy'], [[0, 'restart_policy:'], ...lines.map(([d, s]): [number, string] => [d + 1, s])], indentUnit(text, loc), 'restart_policy');
  const fixes: QuickFix[] = [];
  if (add) fixes.push({ title: 'Move `restart` to `deploy.restart_policy`', edits: toTextEdits(doc, [remove, add]), isPreferred: true });
  fixes.push({ title: 'Remove `restart`', edits: toTextEdits(doc, [remove]) });
  return fixes;
}
