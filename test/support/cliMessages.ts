// What the docker CLI's first error line means, in our diagnostic codes: the oracle for *why* a file is
// refused, not only whether. Each pattern lists the codes that report that cause (the CLI stops at the
// first problem it meets; the linter reports every problem, so one of its errors must carry the cause).
import type { DiagnosticCode } from '../../src/stackLint';

const CAUSES: ReadonlyArray<readonly [RegExp, readonly DiagnosticCode[]]> = [
  // YAML-level causes: where the two readers fail differently on broken YAML, a syntax error names it too.
  [/mapping key .* already defined/, ['duplicate-key', 'yaml-syntax']],
  [/unknown anchor/, ['unknown-anchor', 'yaml-syntax']],
  [/map merge requires/, ['bad-merge', 'yaml-syntax']],
  [/^yaml: /, ['yaml-syntax', 'yaml-tab', 'unknown-anchor']],
  [/top-level object must be a mapping/, ['not-a-mapping']],
  [/unsupported Compose file version|^version must be a string/, ['bad-version']],
  [/Configuration contains forbidden properties|Compose file contains unsupported options/, ['unsupported-key']],
  [/Additional property .* is not allowed/, ['unknown-key', 'unsupported-key', 'needs-newer-version', 'bad-name']],
  [/Does not match format/, ['bad-format']],
  [/Must be greater than or equal to/, ['bad-value']],
  [/must be one of the following/, ['bad-enum']],
  [/must be unique/, ['duplicate-item']],
  [/ is required$/, ['missing-key']],
  [/invalid mount config for type .*must not be empty/, ['missing-key']],
  // A type error is also what the CLI says when a value fits none of a `oneOf`'s forms; the linter may name the
  // nearest form's problem instead.
  [/ must be a /, ['wrong-type', 'missing-key', 'unknown-key', 'bad-format', 'bad-enum', 'duplicate-item', 'needs-newer-version']],
  [/conflict|conflicting parameters/, ['conflicting-keys']],
  [/failed to cast to expected type/, ['bad-cast']],
  [/invalid interpolation format/, ['bad-template', 'required-variable']],
  [/json: unsupported type/, ['non-string-key', 'yaml-syntax']],
  [/json: unsupported value/, ['unsupported-value']],
  [/^panic: interface conversion/, ['bad-value']],
  [/expected type|invalid type|overflows|source data must be/, ['bad-value']],
  [/EOF found|invalid empty volume spec|invalid spec:|invalid size|invalid suffix|ParseFloat|time: invalid duration|time: unknown unit|time: missing unit/, ['bad-format']],
  [/open .*: no such file or directory/, ['missing-env-file', 'missing-file']],
  [/invalid env file .*is a directory/, ['missing-env-file']],
  // What only `docker stack deploy` says: the CLI after loading, its converter, the engine.
  [/no image specified/, ['missing-image']],
  [/invalid image reference|is not a valid repository\/tag/, ['invalid-value']],
  [/replicas can only be used with replicated/, ['replicas-with-global']],
  [/Unknown mode|unrecognized (update|rollback)? ?failure action|invalid RestartCondition|invalid resolution mode|as a rational number|value is too precise|test and disable|volume type must be|options are incompatible|restart policy|Must be at least|maxfailureratio|cannot be negative|cannot be less than|Jobs may not have|conflicting target|duplicate (secret|config) target|source must be empty|source cannot be empty/, ['invalid-value']],
  [/duplicate mount point/, ['duplicate-mount']],
  [/port published with ingress mode can't be used with dnsrr mode/, ['dnsrr-ingress-port']],
  [/duplicate published ports|is already in use by service/, ['duplicate-port']],
  [/constraint/, ['bad-constraint']],
  [/undefined (network|secret|config|volume)/, ['undefined-network', 'undefined-secret', 'undefined-config', 'undefined-volume']],
  [/declared as external, but could not be found|(secret|config) not found/, ['external-not-found']],
  [/plugin .* not found/, ['unknown-driver']],
  [/cannot be used with services|only one instance of .* network is allowed|operation not supported/, ['invalid-value']],
];

/** The codes that name the cause of the CLI's error message; undefined for a message not (yet) classified. */
export function causeCodes(stderr: string): readonly DiagnosticCode[] | undefined {
  const text = stderr.replace(/\s*\n\s*/g, ' ').trim();
  for (const [pattern, codes] of CAUSES) if (pattern.test(text)) return codes;
  return undefined;
}
