// The short volume syntax as the docker CLI reads it (its loader's ParseVolume, read from source):
// `[source:]target[:options]`, Windows drives kept whole; a source that starts with `.`, `/`, `~`,
// `\\` or a drive is a bind, anything else a named volume.

export interface ShortVolume {
  readonly type: 'bind' | 'volume';
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  readonly nocopy: boolean;
  readonly propagation?: string;
}

const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

function isFilePath(source: string): boolean {
  const c = source[0];
  if (c === '.' || c === '/' || c === '~') return true;
  const chars = [...source];
  if (chars.length === 1) return false;
  if (source.startsWith('\\\\')) return true;
  return isLetter(chars[0]) && source[(chars[0] ?? '').length] === ':';
}

/** The parsed spec, or the CLI's reason to refuse it. */
export function parseShortVolume(spec: string): ShortVolume | { readonly error: string } {
  if (spec.length === 0) return { error: 'invalid empty volume spec' };
  if (spec.length <= 2) return { type: 'volume', source: '', target: spec, readOnly: false, nocopy: false };
  let source = '';
  let target = '';
  let readOnly = false;
  let nocopy = false;
  let propagation: string | undefined;
  let buffer: string[] = [];
  for (const c of [...spec, '']) {
    if (c === ':' && buffer.length === 1 && isLetter(buffer[0])) { buffer.push(c); continue; }
    if (c !== ':' && c !== '') { buffer.push(c); continue; }
    const text = buffer.join('');
    buffer = [];
    if (text === '') return { error: `invalid spec: ${spec}: empty section between colons` };
    if (source === '' && c === '') target = text;
    else if (source === '') source = text;
    else if (target === '') target = text;
    else if (c === ':') return { error: `invalid spec: ${spec}: too many colons` };
    else {
      for (const option of text.split(',')) {
        if (option === 'ro') readOnly = true;
        else if (option === 'rw') readOnly = false;
        else if (option === 'nocopy') nocopy = true;
        else if (PROPAGATIONS.has(option)) propagation = option;
      }
    }
  }
  const type = source !== '' && isFilePath(source) ? 'bind' : 'volume';
  return { type, source, target, readOnly, nocopy, ...(propagation ? { propagation } : {}) };
}
