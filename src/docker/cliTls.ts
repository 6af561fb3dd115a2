// TLS the way the docker CLI (v28.2.2) decides it.
// Default context (-H, DOCKER_HOST, or no host), cli/flags/options.go:
//  - DOCKER_TLS_VERIFY set to any non-empty value ("0" included) means TLS, verified;
//  - DOCKER_TLS non-empty means TLS; verified only if DOCKER_TLS_VERIFY is set too (InsecureSkipVerify = !TLSVerify);
//  - DOCKER_CERT_PATH (default: the config folder) only says where ca.pem, cert.pem and key.pem are:
//    alone it turns nothing on;
//  - with TLS on, ca.pem is read and must exist, for any host, unix:// included
//    (cli/context/tlsdata.go TLSDataFromFiles); cert.pem and key.pem are dropped when missing (SetDefaultOptions).
// Named contexts, cli/context/docker/load.go: TLS when the context stores TLS material or skips
// verification; the environment plays no part. Everywhere, a client certificate needs both cert and key.
import { configDir, join } from './configFiles';
import { EndpointError, type EndpointSource, type ResolveInput, type TlsFiles } from './endpointTypes';

const set = (v: string | undefined): boolean => v !== undefined && v !== '';

/** The files of `dir` that exist, with the certificate and key kept only as a pair. */
export function tlsMaterial(dir: string, input: ResolveInput, verify: boolean): TlsFiles {
  const file = (name: string): string | undefined => {
    const path = join(input, dir, name);
    return input.exists(path) ? path : undefined;
  };
  const ca = file('ca.pem');
  const cert = file('cert.pem');
  const key = file('key.pem');
  return { ...(ca ? { ca } : {}), ...(cert && key ? { cert, key } : {}), verify };
}

/** Whether a context folder holds any TLS material at all (then the context speaks TLS). */
export function hasTlsMaterial(dir: string, input: ResolveInput): boolean {
  return ['ca.pem', 'cert.pem', 'key.pem'].some((f) => input.exists(join(input, dir, f)));
}

/** TLS of the default context from the environment; undefined when the CLI would not use TLS. */
export function envTls(input: ResolveInput, source: EndpointSource): TlsFiles | undefined {
  const verify = set(input.env.DOCKER_TLS_VERIFY);
  if (!verify && !set(input.env.DOCKER_TLS)) return undefined;
  const dir = input.env.DOCKER_CERT_PATH || configDir(input);
  const tls = tlsMaterial(dir, input, verify);
  if (!tls.ca) {
    const why = verify ? `DOCKER_TLS_VERIFY is set ("${input.env.DOCKER_TLS_VERIFY}": any value turns verification on)` : 'DOCKER_TLS is set';
    throw new EndpointError(`${why}, but ${join(input, dir, 'ca.pem')} does not exist; the docker CLI stops there too. `
      + `Put ca.pem (and cert.pem, key.pem) there, point DOCKER_CERT_PATH at the folder that has them, or unset ${verify ? 'DOCKER_TLS_VERIFY' : 'DOCKER_TLS'}.`, source);
  }
  return tls;
}
