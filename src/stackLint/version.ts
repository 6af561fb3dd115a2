// `version`: the CLI only has schemas for "3.0" … "3.13" (CLI 28); "3", "" or no `version` mean the
// latest. It reads the value before interpolation, as Go prints it, and the schema wants a string.
import type { StackDocument } from '../stack/document';
import type { Reporter } from './report';

export function checkVersion(doc: StackDocument, r: Reporter): void {
  const entry = doc.tree.root?.entry('version');
  if (!entry) return;
  const node = entry.value;
  if (node.kind === 'scalar' && typeof node.value === 'number') {
    // The schema wants a string ("version must be a string"); unquoted 3.10 would even read as 3.1.
    const written = node.src.text;
    r.at(node.src, 'bad-version', 'error', `\`version: ${written}\` must be a string: quote it ("${written}").`, { suggestion: `"${written}"` });
    return;
  }
  if (doc.version.minor !== undefined && node.kind === 'scalar' && typeof node.value === 'string') return;
  const shown = node.kind === 'scalar' && typeof node.value === 'string' ? node.value : doc.version.text ?? '';
  r.atValue(node.src, entry.keyNode, 'bad-version', 'error', `\`version: ${shown}\` is not supported by docker stack deploy: use a 3.x version such as "3.8" (the CLI reads it before interpolation).`, { suggestion: '"3.8"' });
}
