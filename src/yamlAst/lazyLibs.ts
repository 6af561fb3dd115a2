// The `yaml` library, loaded on first use: a well-formed file is read by lineParse and needs none,
// so swarm-lint (whose bundle leaves it out) does not pay to load it on every run.
/* eslint-disable @typescript-eslint/no-require-imports */
type Yaml = typeof import('yaml');

let yaml: Yaml | undefined;

export const yamlLib = (): Yaml => (yaml ??= require('yaml') as Yaml);
