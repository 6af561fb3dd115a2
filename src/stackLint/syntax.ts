// YAML-level problems: parse errors (tabs get their own code) and duplicate keys,
// which we report ourselves from the tree because the CLI's parser rejects them.
import type { ParsedYaml, YMap } from '../yamlAst';
import { Reporter, keyName } from './report';

export function reportYamlErrors(parsed: ParsedYaml, r: Reporter): void {
  for (const e of parsed.errors) {
    if (e.code === 'tab') {
      r.add('yaml-tab', 'error', 'A tab is used for indentation: YAML only allows spaces. Replace it with spaces.', e.start, e.end);
    } else if (e.code === 'syntax') {
      r.add('yaml-syntax', 'error', `YAML syntax error: ${e.message}`, e.start, e.end);
    }
  }
}

/** Called for every mapping by walk.ts. */
export function reportDuplicateKeys(map: YMap, r: Reporter): void {
  const pairs = map.pairs;
  if (pairs.length < 2) return;
  // Most maps are small: comparing with the earlier keys beats allocating a Set per map.
  const seen = pairs.length > 16 ? new Set<string>() : undefined;
  const names: Array<string | undefined> = [];
  for (const pair of pairs) {
    const name = keyName(pair);
    names.push(name);
    if (name === undefined || name === '<<') continue;
    if (seen ? seen.has(name) : names.indexOf(name) < names.length - 1) {
      r.at(pair.key, 'duplicate-key', 'error', `Duplicate key \`${name}\`: docker stack deploy rejects the file. Remove or merge one of them.`, { key: name });
    }
    seen?.add(name);
  }
}
