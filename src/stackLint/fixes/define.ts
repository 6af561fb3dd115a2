// `undefined-network|secret|config|volume`: declare the name under the top-level section.
import { isFlow, pairOf } from '../../yamlAst';
import type { StackDiagnostic } from '../types';
import { topUnit } from './locate';
import { afterLine, column, renderLines, toTextEdits } from './text';
import type { FixDoc, OffsetEdit, QuickFix } from './types';
import type { Lines } from './insert';

const KINDS = ['network', 'secret', 'config', 'volume'] as const;
type Kind = (typeof KINDS)[number];

/** The entry's body variants: [title suffix, lines below `name:`]. */
function variants(kind: Kind, name: string): Array<[string, Lines]> {
  switch (kind) {
    case 'network': return [['', [[0, 'driver: overlay']]]];
    case 'volume': return [['', []]];
    default: return [[' as external', [[0, 'external: true']]], [` from file ./${name}`, [[0, `file: ./${name}`]]]];
  }
}

/** Lines for `name:` + body appended to the top-level `section`, creating the section at the end if absent. */
function addEntry(doc: FixDoc, section: string, name: string, body: Lines): OffsetEdit | undefined {
  const { text, root } = doc;
  if (!root || isFlow(text, root)) return undefined;
  const unit = topUnit(text, root);
  const entry: Array<[number, string]> = [[0, `${name}:`], ...body.map(([d, s]): [number, string] => [d + 1, s])];
  const p = pairOf(root, section);
  if (!p) {
    const lines: Array<[number, string]> = [[0, `${section}:`], ...entry.map(([d, s]): [number, string] => [d + 1, s])];
    return renderLines(text, text.length, 0, unit, lines);
  }
  const v = p.value;
  if (v.kind === 'map' && !isFlow(text, v)) {
    if (pairOf(v, name)) return undefined;
    return renderLines(text, afterLine(text, v.end), column(text, v.start), unit, entry);
  }
  if (v.kind === 'scalar' && v.style === 'empty') return renderLines(text, afterLine(text, p.key.end), column(text, p.key.start) + unit, unit, entry);
  return undefined;
}

export function defineFixes(doc: FixDoc, diagnostic: StackDiagnostic): QuickFix[] {
  const kind = KINDS.find((k) => diagnostic.code === `undefined-${k}`);
  const name = diagnostic.data?.name;
  // Names the CLI accepts need no quoting; anything else is left to the user.
  if (!kind || name === undefined || !/^[a-zA-Z0-9._-]+$/.test(name)) return [];
  const fixes: QuickFix[] = [];
  for (const [suffix, body] of variants(kind, name)) {
    const edit = addEntry(doc, `${kind}s`, name, body);
    if (!edit) continue;
    const fix: QuickFix = { title: `Define ${kind} \`${name}\`${suffix}`, edits: toTextEdits(doc, [edit]) };
    // Secrets and configs: external vs. file is the user's call.
    if (kind === 'network' || kind === 'volume') fix.isPreferred = true;
    fixes.push(fix);
  }
  return fixes;
}
