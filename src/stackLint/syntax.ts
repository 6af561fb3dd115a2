// YAML-level problems: parse errors (tabs get their own code), then what the CLI's reader refuses in
// a well-formed file (src/stack/tree.ts finds those: duplicate keys, unknown anchors, bad merges,
// non-string keys, .inf/.nan).
import type { ParsedYaml } from '../yamlAst';
import type { TreeIssue } from '../stack/tree';
import type { Reporter } from './report';

const IGNORED: Readonly<Record<NonNullable<ParsedYaml['ignoredFrom']>['why'], string>> = {
  marker: 'The CLI reads only the first YAML document: it ignores everything from this line on.',
  flow: 'The CLI stops reading after the bracket that closes the top-level collection: it ignores everything from here on.',
  dedent: 'The CLI stops reading here: this line is indented less than the first line of the file, which ends the document for it; everything from here on is ignored. Start the first line in column 0.',
};

export function reportYamlErrors(parsed: ParsedYaml, text: string, r: Reporter): void {
  for (const e of parsed.errors) {
    if (e.code === 'tab') r.add('yaml-tab', 'error', 'A tab is used for indentation: YAML only allows spaces. Replace it with spaces.', e.start, e.end);
    else r.add('yaml-syntax', 'error', `YAML syntax error: ${e.message}`, e.start, e.end);
  }
  const ignored = parsed.ignoredFrom;
  if (ignored && text.slice(ignored.offset).trim() !== '') {
    const nl = text.indexOf('\n', ignored.offset);
    r.add('ignored-content', 'warning', IGNORED[ignored.why], ignored.offset, (nl < 0 ? text.length : nl) || ignored.offset + 1);
  }
}

const SAY: Readonly<Record<TreeIssue['kind'], (i: TreeIssue) => string>> = {
  'duplicate-key': (i) => `Duplicate key \`${i.key ?? ''}\`: docker stack deploy rejects the file. Remove or merge one of them.`,
  'unknown-anchor': () => 'This alias refers to no anchor defined before it: define the anchor (`&name`) first, or fix the name.',
  'bad-merge': () => '`<<:` must merge an anchored mapping (`<<: *defaults`) or a list of them.',
  'non-string-key': () => 'This key is not a string to the CLI (a number, boolean, null or date), and it can only use string keys: quote it.',
  'unsupported-value': () => 'JSON cannot hold this value (.inf, .nan, or too much aliasing), and the CLI converts the file to JSON: quote it or use a number.',
  'not-a-mapping': () => 'A stack file must be a mapping of `version`, `services`, … with string keys.',
};

export function reportTreeIssues(issues: readonly TreeIssue[], r: Reporter): void {
  for (const i of issues) {
    const message = `${SAY[i.kind](i)} (The CLI says: "${i.message}".)`;
    r.add(i.kind, 'error', message, i.node.start, Math.max(i.node.end, i.node.start + 1), i.key !== undefined ? { key: i.key } : undefined);
  }
}
