// Public types of the stack-file linter. Positions are 0-based (UTF-16 columns) like VS Code's.
import type { Env } from '../stack/template';
import type { DiagnosticCode } from './codes';

export type Severity = 'error' | 'warning' | 'info';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface StackDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  /** Extra facts for quick fixes, e.g. `suggestion` (a replacement key or value). */
  data?: Record<string, string>;
}

/** What a live swarm holds, as the caller read it (names of swarm-scoped objects, labels of each node). */
export interface ClusterFacts {
  networks: readonly string[];
  secrets: readonly string[];
  configs: readonly string[];
  nodeLabels: readonly Readonly<Record<string, string>>[];
  /** Engine labels of each node; omitted means "don't check engine.labels constraints". */
  engineLabels?: readonly Readonly<Record<string, string>>[];
  /** Network drivers the engines have (`docker info`: Plugins.Network); omitted means "don't check driver plugins". */
  networkDrivers?: readonly string[];
}

/** What the pure core cannot know by itself; the caller injects it. */
export interface LintContext {
  /** Whether a file (not a folder) is at this path relative to the stack file's folder; omitted means "don't check files". */
  fileExists?(relPath: string): boolean;
  /** Variables `docker stack deploy` would interpolate; omitted means "unknown": templated values are not checked. */
  env?: Env;
  /** The `.env` beside the stack file, if any: the CLI ignores it, so it only explains a missing variable. */
  dotenv?: Readonly<Record<string, string>>;
  /** The swarm the file will be deployed to; omitted means "don't check against a cluster". */
  cluster?: ClusterFacts;
}
