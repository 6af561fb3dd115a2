// The typed stack model: what a stack file says once the CLI has read it (merges and interpolation
// applied), each value with where it is written. Built once per document version by build.ts, used by
// the linter's rules and meant for the desired-state work (converter, drift) too. Values the CLI would
// refuse are kept with the reason (`error`), so each consumer decides how to report them.
import type { YNode, YScalar } from '../yamlAst';
import type { PortRange } from './ports';
import type { SMap } from './tree';

/** A value and the node it is written in (inside an anchor when it came from one). */
export interface At<T> {
  readonly value: T;
  readonly node: YNode;
  /** It holds `${…}` and the environment is unknown: `value` is the template text. */
  readonly unknown?: true;
}

export interface StackModel {
  /** `version` as written; the schema used is `3.<minor>` (13 when absent, "" or "3"). */
  readonly version: At<unknown> | undefined;
  readonly minor: number;
  readonly services: readonly Service[];
  readonly networks: ReadonlyMap<string, NetworkDef>;
  readonly volumes: ReadonlyMap<string, VolumeDef>;
  readonly secrets: ReadonlyMap<string, FileObjectDef>;
  readonly configs: ReadonlyMap<string, FileObjectDef>;
}

export interface Service {
  readonly name: string;
  readonly key: YScalar;
  /** The merged, interpolated map, for keys the model does not type. */
  readonly map: SMap;
  readonly image?: At<string>;
  readonly command?: At<string | readonly string[]>;
  readonly entrypoint?: At<string | readonly string[]>;
  /** KEY → value (null: taken from the deploying shell, or dropped). */
  readonly environment: ReadonlyMap<string, At<string | null>>;
  readonly labels: ReadonlyMap<string, At<string>>;
  readonly ports: readonly Port[];
  readonly volumes: readonly Mount[];
  readonly networks: readonly NetworkRef[];
  readonly secrets: readonly FileRef[];
  readonly configs: readonly FileRef[];
  readonly dependsOn: readonly At<string>[];
  readonly healthcheck?: Healthcheck;
  /** The compose `restart:` (the CLI says it ignores it, and then uses it: see restart.ts). */
  readonly restart?: At<string>;
  readonly deploy: Deploy;
}

export interface Port {
  readonly node: YNode;
  readonly syntax: 'short' | 'long';
  readonly target?: PortRange;
  readonly published?: PortRange;
  /** Lower case in the short syntax (the CLI lowers it); as written in the long one. */
  readonly protocol?: At<string>;
  /** `ingress` for the short syntax; as written (or absent) for the long one. */
  readonly mode?: At<string>;
  readonly error?: string;
}

export interface Mount {
  readonly node: YNode;
  readonly syntax: 'short' | 'long';
  readonly type?: At<string>;
  readonly source?: At<string>;
  readonly target?: string;
  readonly readOnly: boolean;
  /** The long syntax's map (its option blocks: `bind`, `volume`, `tmpfs`). */
  readonly map?: SMap;
  readonly error?: string;
}

export interface NetworkRef { readonly name: string; readonly node: YNode; readonly aliases: readonly string[] }

export interface FileRef { readonly source: At<string>; readonly target?: string; readonly node: YNode }

export interface Healthcheck {
  readonly node: YNode;
  readonly test?: At<unknown>;
  readonly disable?: At<boolean>;
  readonly interval?: At<string>;
  readonly timeout?: At<string>;
  readonly startPeriod?: At<string>;
  readonly startInterval?: At<string>;
}

export interface Deploy {
  readonly node?: YNode;
  readonly mode?: At<string>;
  readonly replicas?: At<number>;
  readonly endpointMode?: At<string>;
  readonly labels: ReadonlyMap<string, At<string>>;
  readonly updateConfig?: UpdateConfig;
  readonly rollbackConfig?: UpdateConfig;
  readonly restartPolicy?: RestartPolicy;
  readonly resources: { readonly limits?: Resources; readonly reservations?: Resources };
  readonly placement: { readonly constraints: readonly At<string>[]; readonly preferences: readonly At<string>[]; readonly maxReplicas?: At<number> };
}

export interface UpdateConfig {
  readonly node: YNode;
  readonly failureAction?: At<string>;
  readonly order?: At<string>;
  readonly parallelism?: At<number>;
  readonly maxFailureRatio?: At<number>;
  readonly delay?: At<string>;
  readonly monitor?: At<string>;
}

export interface RestartPolicy { readonly node: YNode; readonly condition?: At<string>; readonly maxAttempts?: At<number>; readonly delay?: At<string>; readonly window?: At<string> }

export interface Resources { readonly node: YNode; readonly cpus?: At<string>; readonly memory?: At<string>; readonly pids?: At<number> }

interface TopLevel {
  readonly key: YScalar;
  /** The name in the swarm as the file sets it (`name:`, or `external.name`); the default `<stack>_<key>` otherwise. */
  readonly name?: At<string>;
  readonly external?: At<boolean>;
  readonly externalName?: At<string>;
  readonly labels: ReadonlyMap<string, At<string>>;
}

export interface NetworkDef extends TopLevel { readonly driver?: At<string> }
export interface VolumeDef extends TopLevel { readonly driver?: At<string>; readonly driverOpts: boolean }
export interface FileObjectDef extends TopLevel { readonly file?: At<string>; readonly driver?: At<string> }
