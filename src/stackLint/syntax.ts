// YAML-level problems: parse errors (tabs get their own code) and duplicate keys,
// which we report ourselves because the CLI's parser rejects them but `yaml` is told not to.
import { Document, YAMLMap } from 'yaml';
import { Reporter, keyName } from './report';

export function reportYamlErrors(doc: Document, r: Reporter): void {
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    if (e.code === 'TAB_AS_INDENT') {
      r.add('yaml-tab', 'error', 'A tab is used for indentation: YAML only allows spaces. Replace it with spaces.', start, end);
    } else if (e.code !== 'DUPLICATE_KEY') {
      // First line only: the rest is a source excerpt that VS Code already shows.
      r.add('yaml-syntax', 'error', `YAML syntax error: ${e.message.split('\n')[0]}`, start, Math.max(end, start + 1));
    }
  }
}

/** Called for every mapping by walk.ts. */
export function reportDuplicateKeys(map: YAMLMap, r: Reporter): void {
  if (map.items.length < 2) return;
  const seen = new Set<string>();
  for (const pair of map.items) {
    const name = keyName(pair);
    if (name === undefined || name === '<<') continue;
    if (seen.has(name)) {
      r.at(pair.key, 'duplicate-key', 'error', `Duplicate key \`${name}\`: docker stack deploy rejects the file. Remove or merge one of them.`, { key: name });
    }
    seen.add(name);
  }
}
