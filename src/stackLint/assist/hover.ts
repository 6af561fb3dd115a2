// Hover text for the key under the cursor: type, what it does in swarm, and whether the CLI ignores it.
// The key and its parents come from the syntax tree of the document.
import { readStack, type StackDocument } from '../../stack/document';
import type { YNode, YScalar } from '../../yamlAst';
import { assistRoot } from './context';
import { KEY_DOCS } from './keyDocs';
import { describeSpec, docPrefix, enumValues, hasNamedKeys, objectSchemas, specAt } from './schemaPath';
import { IGNORED_SERVICE_KEYS, REJECTED_SERVICE_KEYS, UNSUPPORTED_KEYS } from './swarmNotes';
import type { AssistHover } from './types';

const NAME_OF: Readonly<Record<string, string>> = {
  services: 'service', networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config',
};

/** The key whose text holds `offset`, with the keys above it ('-' for list items). */
function keyAt(node: YNode | undefined, offset: number, path: string[] = []): { key: YScalar; path: string[] } | undefined {
  if (!node || offset < node.start || offset > node.end) return undefined;
  if (node.kind === 'seq') {
    for (const item of node.items) { const f = keyAt(item, offset, [...path, '-']); if (f) return f; }
  } else if (node.kind === 'map') {
    for (const p of node.pairs) {
      if (offset >= p.key.start && offset <= p.key.end && p.key.end > p.key.start) return { key: p.key, path };
      const f = keyAt(p.value, offset, [...path, p.key.text]);
      if (f) return f;
    }
  }
  return undefined;
}

function describe(path: readonly string[], key: string): string | undefined {
  const parent = specAt(path);
  const objects = objectSchemas(parent);
  for (const schema of objects) {
    const spec = schema.properties?.[key];
    if (spec === undefined) continue;
    const id = schema.id ?? '';
    const lines = [`**${key}** — \`${describeSpec(spec, enumValues(parent, key, undefined))}\``];
    const doc = KEY_DOCS[`${docPrefix(id)}.${key}`];
    if (doc !== undefined) lines.push(doc);
    if (id === 'service' && key in IGNORED_SERVICE_KEYS) lines.push(`Ignored by \`docker stack deploy\`: ${IGNORED_SERVICE_KEYS[key] ?? ''}.`);
    if (id === 'service' && key in REJECTED_SERVICE_KEYS) lines.push(`Rejected by \`docker stack deploy\`: ${REJECTED_SERVICE_KEYS[key] ?? ''}.`);
    return lines.join('\n\n');
  }
  for (const schema of objects) {
    const note = UNSUPPORTED_KEYS[schema.id ?? '']?.[key];
    if (note !== undefined) return `**${key}** — not in the 3.x format: \`docker stack deploy\` rejects the file; ${note.hint}.`;
  }
  if (key.startsWith('x-')) return `**${key}** — extension field: the CLI ignores it (handy for YAML anchors).`;
  const section = path[0];
  if (path.length === 1 && section !== undefined && hasNamedKeys(parent) && NAME_OF[section] !== undefined) {
    return `**${key}** — ${NAME_OF[section]} of this stack (deployed as \`<stack>_${key}\` unless it sets \`name\` or is external).`;
  }
  return undefined;
}

export function hoverAt(source: string | StackDocument, offset: number): AssistHover | undefined {
  const doc = typeof source === 'string' ? readStack(source, undefined) : source;
  const hit = keyAt(assistRoot(doc), offset);
  if (!hit) return undefined;
  const markdown = describe(hit.path, hit.key.text);
  return markdown === undefined ? undefined : { markdown, start: hit.key.start, end: hit.key.end };
}
