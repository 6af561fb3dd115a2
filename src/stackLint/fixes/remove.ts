// "Remove `key`": delete the whole pair, nested block included.
import type { StackDiagnostic } from '../types';
import { removePair } from './insert';
import { locateKey, startOffset } from './locate';
import { toTextEdits } from './text';
import type { FixDoc, QuickFix } from './types';

export function removeFixes(doc: FixDoc, diagnostic: StackDiagnostic): QuickFix[] {
  const { text } = doc;
  const loc = locateKey(doc, startOffset(doc, diagnostic.range));
  if (!loc) return [];
  const edit = removePair(text, loc.map, loc.pair);
  if (!edit) return [];
  const key = loc.pair.key.text;
  return [{ title: `Remove \`${key}\``, edits: toTextEdits(doc, [edit]) }];
}
