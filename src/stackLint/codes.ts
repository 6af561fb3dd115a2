// Every diagnostic code, once: what it means and when the docker CLI refuses a file for it. Rules,
// quick fixes and tests use `DiagnosticCode`; the differential tests read `phase` to know which
// verdict must agree with `docker stack config` and which only with `docker stack deploy`.

/**
 * load: `docker stack config` (and so deploy) refuses the file — the CLI's reader, interpolation,
 *   schema and typed load. deploy: only `docker stack deploy` refuses it — checks the CLI makes after
 *   loading (image reference, the converter) or the engine makes (enums, limits); `stack config`
 *   prints such a file without a word. cluster: depends on what the swarm holds. advice: never refuses.
 */
export type Phase = 'load' | 'deploy' | 'cluster' | 'advice';

interface CodeInfo { readonly phase: Phase; readonly what: string; readonly why?: string }

export const CODES = {
  'yaml-syntax': { phase: 'load', what: 'YAML the CLI cannot read' },
  'yaml-tab': { phase: 'load', what: 'a tab used for indentation' },
  'duplicate-key': { phase: 'load', what: 'a key twice in one mapping (compared as text: `1` and `"1"` clash)' },
  'unknown-anchor': { phase: 'load', what: 'an alias to no earlier anchor' },
  'bad-merge': { phase: 'load', what: 'a `<<:` whose value is not a mapping or a list of mappings' },
  'non-string-key': { phase: 'load', what: 'a key that is a number, boolean, null or date (JSON has string keys only)' },
  'unsupported-value': { phase: 'load', what: '.inf or .nan, which JSON cannot hold' },
  'not-a-mapping': { phase: 'load', what: 'a document that is not a mapping of string keys' },
  'bad-version': { phase: 'load', what: 'a `version` other than "3", "3.0" … "3.13"' },
  'unknown-key': { phase: 'load', what: 'a key the schema does not allow there' },
  'unsupported-key': { phase: 'load', what: 'a docker compose key the 3.x format lacks' },
  'needs-newer-version': { phase: 'load', what: 'a key the declared version does not have yet' },
  'wrong-type': { phase: 'load', what: 'a value of a type the schema refuses' },
  'bad-enum': { phase: 'load', what: 'a value outside the schema\'s list (`update_config.order`)' },
  'bad-format': { phase: 'load', what: 'a port, duration or size the CLI cannot parse' },
  'bad-value': { phase: 'load', what: 'a value the CLI\'s loader refuses (a negative count, a number where its Go type is a string, …)' },
  'duplicate-item': { phase: 'load', what: 'an item twice in a list the schema wants unique (ports, environment, …)' },
  'missing-key': { phase: 'load', what: 'a key the schema requires (`ulimits.*.hard`, a long volume\'s `type`)' },
  'bad-name': { phase: 'load', what: 'a service, volume, secret or config name outside [a-zA-Z0-9._-]' },
  'bad-template': { phase: 'load', what: 'a `$` that starts no valid `${…}` template' },
  'required-variable': { phase: 'load', what: 'a `${VAR:?}` / `${VAR?}` whose variable is missing' },
  'bad-cast': { phase: 'load', what: 'an interpolated value that is not the integer, number or boolean its key needs' },
  'missing-env-file': { phase: 'load', what: 'an `env_file` that does not exist (the loader reads it)' },
  'conflicting-keys': { phase: 'load', what: 'keys the loader refuses together (`external` with `driver`, `name` with `external.name`, …)' },
  'missing-image': { phase: 'deploy', what: 'a service without `image`', why: 'the CLI checks images after loading: `stack config` never does' },
  'invalid-value': { phase: 'deploy', what: 'a value the converter or the engine refuses (mode, endpoint_mode, failure_action, condition, restart, cpus, image reference, port mode and protocol, mount type, …)', why: 'checked when the services are converted or created, never by `stack config`' },
  'replicas-with-global': { phase: 'deploy', what: '`replicas` with a global mode', why: 'checked when the services are converted' },
  'dnsrr-ingress-port': { phase: 'deploy', what: 'an ingress port with `endpoint_mode: dnsrr`', why: 'the engine refuses the service' },
  'bad-constraint': { phase: 'deploy', what: 'a placement constraint swarmkit cannot parse (warning: one no node can match)', why: 'the engine parses constraints' },
  'undefined-network': { phase: 'deploy', what: 'a service network not declared at the top level', why: 'resolved when the services are converted' },
  'undefined-secret': { phase: 'deploy', what: 'a service secret not declared at the top level', why: 'resolved when the services are converted' },
  'undefined-config': { phase: 'deploy', what: 'a service config not declared at the top level', why: 'resolved when the services are converted' },
  'undefined-volume': { phase: 'deploy', what: 'a named volume not declared at the top level', why: 'resolved when the services are converted' },
  'missing-file': { phase: 'deploy', what: 'a secret or config `file:` that does not exist', why: 'the CLI reads the files only to create the objects' },
  'duplicate-port': { phase: 'deploy', what: 'a published port and protocol twice in a service, or an ingress port two services publish', why: 'the engine refuses the second' },
  'duplicate-mount': { phase: 'deploy', what: 'two mounts on one target', why: 'the engine refuses the service' },
  'unknown-driver': { phase: 'cluster', what: 'a network driver (plugin) the swarm\'s engines do not have', why: 'the engine creates the network: `stack config` never asks' },
  'external-not-found': { phase: 'cluster', what: 'an `external` network, secret or config the swarm lacks', why: 'looked up in the swarm at deploy: `stack config` never asks' },
  'unknown-value': { phase: 'advice', what: 'a value the engine does not know and replaces by its default without a word (a long port\'s mode or protocol)' },
  'constraint-unsatisfiable': { phase: 'advice', what: 'a label constraint no node satisfies (tasks stay Pending)' },
  'ignored-key': { phase: 'advice', what: 'a key `docker stack deploy` ignores' },
  'restart-ignored': { phase: 'advice', what: 'what `restart:` really does (the CLI says it ignores it)' },
  'depends-on-ignored': { phase: 'advice', what: '`depends_on`, dropped without a word' },
  'ignored-content': { phase: 'advice', what: 'text after the first document, or after a line indented less than the first: the CLI never reads it' },
  'cleared-template': { phase: 'advice', what: 'a template error the CLI lets pass because a later `${…}` in the value succeeded' },
} as const satisfies Readonly<Record<string, CodeInfo>>;

export type DiagnosticCode = keyof typeof CODES;

export function phaseOf(code: DiagnosticCode): Phase {
  return CODES[code].phase;
}
