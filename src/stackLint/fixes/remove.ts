// "Remove `key`": delete the whole pair, nested block included.
import type { StackDiagnostic } from '../types';
import { removePair } from './insert';
import { locateKey, startOffset } from './locate';
import { toTextEdits } from './text';
import type { QuickFix } from './types';

export function removeFixes(text: string, diagnostic: StackDiagnostic): QuickFix[] {
  const loc = locateKey(text, startOffset(text, diagnostic.range));
  if (!loc) return [];
  const edit = removePair(text, loc.map, loc.pair);
  if (!edit) return [];
  const key = typeof loc.pair.key.value === 'string' ? loc.pair.key.value : String(loc.pair.key.value);
  return [{ title: `Remove \`${key}\``, edits: toTextEdits(text, [edit]) }];
}
