// `swarm-lint [--json] [--cluster] [--glob PATTERN]... PATH...`: argument parsing, pure.

export interface LintArgs {
  readonly json: boolean;
  readonly cluster: boolean;
  /** Files and folders (a folder: the stack files in it, as the editor finds them). */
  readonly files: readonly string[];
  /** Extra globs for folders, besides the editor's defaults (like swarm.stackFiles.extraGlobs). */
  readonly globs: readonly string[];
}

export const USAGE = `usage: swarm-lint [--json] [--cluster] [--glob PATTERN]... PATH...
  Checks Docker stack files as "docker stack deploy" would judge them. A PATH that is a folder stands
  for the stack files under it that the editor would check: docker-stack*.yml, *stack*.yml,
  docker-compose*.yml, compose*.yml (and .yaml), plus each --glob (e.g. --glob '**/deploy/*.yml').
  --json     print one JSON array of {file, line, column, endLine, endColumn, severity, code, message}
  --cluster  also check against the swarm the extension would use (swarm.dockerHost is not read here:
             DOCKER_HOST, the current Docker context, then the default socket)
  exit: 0 no errors, 1 errors found, 2 usage or I/O error`;

export function parseArgs(argv: readonly string[]): LintArgs | { readonly error: string } {
  let json = false;
  let cluster = false;
  const files: string[] = [];
  const globs: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (onlyFiles || !a.startsWith('-') || a === '-') files.push(a);
    else if (a === '--') onlyFiles = true;
    else if (a === '--json') json = true;
    else if (a === '--cluster') cluster = true;
    else if (a === '--glob') {
      const g = argv[++i];
      if (g === undefined || g === '') return { error: '--glob needs a pattern' };
      globs.push(g);
    } else if (a.startsWith('--glob=')) globs.push(a.slice('--glob='.length));
    else if (a === '-h' || a === '--help') return { error: '' };
    else return { error: `unknown option ${a}` };
  }
  if (files.length === 0) return { error: 'no PATH given' };
  return { json, cluster, files, globs };
}
