// `version`: the CLI only loads compose file format 3.x ("3", "3.0" … "3.13" with CLI 28); absent means the latest.
import type { YMap } from '../yamlAst';
import { Reporter, keyName, spanOf } from './report';

const SUPPORTED = /^3(?:\.(?:\d|1[0-3]))?$/;

export function checkVersion(root: YMap, text: string, r: Reporter): void {
  const pair = root.pairs.find((p) => keyName(p) === 'version');
  if (!pair) return;
  const node = pair.value;
  if (node.kind !== 'scalar' || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    r.at(node, 'bad-version', 'error', '`version` must be a 3.x version such as "3.8".', undefined, pair.key);
    return;
  }
  if (typeof node.value === 'number') {
    // The schema wants a string ("version must be a string"); unquoted 3.10 would even read as 3.1.
    const span = spanOf(node);
    const written = span ? text.slice(span[0], span[1]) : String(node.value);
    r.at(node, 'bad-version', 'error', `\`version: ${written}\` must be a string: quote it ("${written}").`, { suggestion: `"${written}"` });
    return;
  }
  const v = String(node.value);
  if (v.includes('$') || SUPPORTED.test(v)) return;
  r.at(node, 'bad-version', 'error', `\`version: ${v}\` is not supported by docker stack deploy: use a 3.x version such as "3.8".`, { suggestion: '"3.8"' });
}
