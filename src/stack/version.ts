// Which schema the CLI validates a file against: `version` as Go prints it (`%v`), "" and "3" mean
// the latest (3.13), absent too; anything but 3.0–3.13 is "unsupported Compose file version".
import type { SMap } from './tree';

export const LATEST_MINOR = 13;

export interface VersionInfo {
  /** The text the CLI reads (`3.10` unquoted prints as "3.1"); undefined when absent. */
  readonly text: string | undefined;
  /** The schema's minor version; undefined when the CLI has none for the text. */
  readonly minor: number | undefined;
}

export function versionOf(root: SMap | undefined): VersionInfo {
  const v = root?.get('version');
  if (!v) return { text: undefined, minor: LATEST_MINOR };
  const raw = v.kind === 'scalar' ? v.value : undefined;
  const text = v.kind !== 'scalar' ? '[…]' : raw === null ? '<nil>' : String(raw);
  if (text === '' || text === '3') return { text, minor: LATEST_MINOR };
  const m = /^3\.(\d|1[0-3])$/.exec(text);
  return { text, minor: m ? Number(m[1]) : undefined };
}
