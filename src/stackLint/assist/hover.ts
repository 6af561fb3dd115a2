// Hover text for the key under the cursor: type, what it does in swarm, and whether the CLI ignores it.
import { SCHEMAS } from '../schema';
import { contextAt, lineInfo } from './context';
import { KEY_DOCS } from './keyDocs';
import { describeSpec, docPrefix, hasMapOf, objectNames, specAt } from './schemaPath';
import { IGNORED_SERVICE_KEYS, REJECTED_SERVICE_KEYS, UNSUPPORTED_KEYS } from './swarmNotes';
import type { AssistHover } from './types';

const NAME_OF: Readonly<Record<string, string>> = {
  services: 'service', networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config',
};

/** The key token on the cursor's line, as offsets, if the cursor is on it. */
function keyAt(text: string, offset: number): { key: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
  const info = lineInfo(line);
  if (info.key === undefined) return undefined;
  const raw = line.slice(info.col);
  const quoted = /^["']/.test(raw);
  const len = info.key.length + (quoted ? 2 : 0);
  const start = lineStart + info.col;
  const end = start + len;
  return offset >= start && offset <= end ? { key: info.key, start, end } : undefined;
}

function describe(path: readonly string[], key: string): string | undefined {
  const parent = specAt(path);
  const names = objectNames(parent);
  for (const name of names) {
    const spec = SCHEMAS[name]?.keys[key];
    if (spec === undefined) continue;
    const lines = [`**${key}** — \`${describeSpec(spec)}\``];
    const doc = KEY_DOCS[`${docPrefix(name)}.${key}`];
    if (doc !== undefined) lines.push(doc);
    if (name === 'service' && key in IGNORED_SERVICE_KEYS) {
      lines.push(`Ignored by \`docker stack deploy\`: ${IGNORED_SERVICE_KEYS[key] ?? ''}.`);
    }
    if (name === 'service' && key in REJECTED_SERVICE_KEYS) {
      lines.push(`Rejected by \`docker stack deploy\`: ${REJECTED_SERVICE_KEYS[key] ?? ''}.`);
    }
    return lines.join('\n\n');
  }
  for (const name of names) {
    const note = UNSUPPORTED_KEYS[name]?.[key];
    if (note !== undefined) return `**${key}** — not in the 3.x format: \`docker stack deploy\` rejects the file; ${note}.`;
  }
  if (key.startsWith('x-')) return `**${key}** — extension field: the CLI ignores it (handy for YAML anchors).`;
  const section = path[0];
  if (path.length === 1 && section !== undefined && hasMapOf(parent) && NAME_OF[section] !== undefined) {
    return `**${key}** — ${NAME_OF[section]} of this stack (deployed as \`<stack>_${key}\` unless it sets \`name\` or is external).`;
  }
  return undefined;
}

export function hoverAt(text: string, offset: number): AssistHover | undefined {
  const hit = keyAt(text, offset);
  if (!hit) return undefined;
  const ctx = contextAt(text, hit.start);
  if (ctx.position !== 'key' && ctx.position !== 'item') return undefined;
  const markdown = describe(ctx.path, hit.key);
  return markdown === undefined ? undefined : { markdown, start: hit.start, end: hit.end };
}

