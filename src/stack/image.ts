// Image references as `docker stack deploy` checks them before deploying (distribution/reference's
// ParseAnyReference, read from source): [domain[:port]/]path[:tag][@digest], the path lowercase.

const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const WITH_DOMAIN = new RegExp(`^(${DOMAIN})/(${PATH_PART}(?:/${PATH_PART})*)(?::${TAG})?(?:@${DIGEST})?$`);
const NO_DOMAIN = new RegExp(`^(${PATH_PART}(?:/${PATH_PART})*)(?::${TAG})?(?:@${DIGEST})?$`);
const ID = /^[a-f0-9]{64}$/;
const DIGEST_ONLY = new RegExp(`^${DIGEST}$`);

/** Is the first path part a registry (`.`, `:`, `localhost`, or upper case), as docker's normalisation decides? */
function hasDomain(ref: string): boolean {
  const slash = ref.indexOf('/');
  if (slash < 0) return false;
  const first = ref.slice(0, slash);
  return /[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first;
}

/**
 * The CLI also takes a bare image ID or digest (64 hex digits, `sha256:…`), but the engine refuses
 * those for a service ("is not a valid repository/tag", measured): they count as invalid here.
 */
export function isImageReference(ref: string): boolean {
  if (ID.test(ref) || DIGEST_ONLY.test(ref)) return false;
  const m = (hasDomain(ref) ? WITH_DOMAIN : NO_DOMAIN).exec(ref);
  if (!m) return false;
  const name = hasDomain(ref) ? `${m[1] ?? ''}/${m[2] ?? ''}` : `docker.io/${m[1]?.includes('/') ? '' : 'library/'}${m[1] ?? ''}`;
  return name.length <= 255;
}
