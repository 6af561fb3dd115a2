// Node labels as `docker node update --label-add key=value` takes them (docker/cli opts.ValidateLabel:
// a name, no whitespace in it; no "=" means an empty value). Pure.

const WHITESPACE = /[\s]/;

export interface Label {
  readonly key: string;
  readonly value: string;
}

/** An error message naming the cause and the fix, or undefined when `text` is a label. */
export function validateLabel(text: string): string | undefined {
  const key = text.split('=')[0]?.trimStart() ?? '';
  if (key === '') return 'Write the label as key=value (e.g. zone=eu-1): the key is missing.';
  if (WHITESPACE.test(key)) return `The label key "${key}" contains whitespace: use letters, digits, ".", "-" or "_".`;
  if (/[\r\n]/.test(text)) return 'A label value is one line: remove the line break.';
  return undefined;
}

export function parseLabel(text: string): Label {
  const at = text.indexOf('=');
  return at < 0 ? { key: text.trim(), value: '' } : { key: text.slice(0, at).trim(), value: text.slice(at + 1) };
}
