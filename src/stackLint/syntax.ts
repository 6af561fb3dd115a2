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

const NEXT: Readonly<Record<TreeIssue['kind'], string>> = {
  'duplicate-key': 'docker stack deploy rejects the file. Remove or merge one of them.',
  'unknown-anchor': 'define the anchor (`&name`) before the alias, or fix the name.',
  'bad-merge': 'merge an anchored mapping (`<<: *defaults`) or a list of them.',
  'non-string-key': 'quote the key.',
  'unsupported-value': 'quote it, or use a number.',
  'not-a-mapping': 'a stack file is a mapping of `version`, `services`, … with string keys.',
};

export function reportTreeIssues(issues: readonly TreeIssue[], r: Reporter): void {
  for (const i of issues) {
    const message = i.key !== undefined
      ? `Duplicate key \`${i.key}\`: ${NEXT[i.kind]}`
      : `${i.message[0]?.toUpperCase() ?? ''}${i.message.slice(1)}: ${NEXT[i.kind]}`;
    r.at(i.node, i.kind, 'error', message, i.key !== undefined ? { key: i.key } : undefined);
  }
}
