// The vocabulary of endpoint resolution (./endpoint), shared by its parts (contexts, TLS).

export type EndpointSource =
  | { readonly kind: 'setting' }
  | { readonly kind: 'env' }
  | { readonly kind: 'context'; readonly name: string }
  | { readonly kind: 'default' };

/** TLS material as file PATHS (the adapter reads them); absent files are left out. */
export interface TlsFiles {
  /** The CA to verify the daemon with; without it, the system's roots. */
  readonly ca?: string;
  /** A client certificate and its key: both or neither (the CLI ignores one without the other). */
  readonly cert?: string;
  readonly key?: string;
  /** Verify the daemon's certificate (off: encrypt only, like DOCKER_TLS=1 without DOCKER_TLS_VERIFY). */
  readonly verify: boolean;
}

export type Endpoint =
  | { readonly kind: 'unix'; readonly path: string; readonly source: EndpointSource }
  | { readonly kind: 'npipe'; readonly path: string; readonly source: EndpointSource }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly tls?: TlsFiles; readonly source: EndpointSource }
  | { readonly kind: 'ssh'; readonly host: string; readonly port: number; readonly username?: string; readonly source: EndpointSource };

export interface ResolveInput {
  /** The swarm.dockerHost setting. */
  readonly setting?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly platform: NodeJS.Platform;
  /** File contents, or undefined when the file does not exist. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  /** The names in a folder ([] when it does not exist). */
  listDir(path: string): readonly string[];
  /** Hex SHA-256 digest: Docker stores a context under the digest of its name. */
  sha256(text: string): string;
}

/** The endpoint cannot be resolved; the message says where the bad value came from and what to do. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
  constructor(message: string, readonly source: EndpointSource) {
    super(message);
  }
}
