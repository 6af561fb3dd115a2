// The two YAML libraries, loaded on first use: a well-formed file is read by lineParse and needs
// neither, so swarm-lint (whose bundle leaves them out) does not pay to load them on every run.
/* eslint-disable @typescript-eslint/no-require-imports */
type JsYaml = typeof import('js-yaml');
type Yaml = typeof import('yaml');

let jsYaml: JsYaml | undefined;
let yaml: Yaml | undefined;

export const jsYamlLib = (): JsYaml => (jsYaml ??= require('js-yaml') as JsYaml);
export const yamlLib = (): Yaml => (yaml ??= require('yaml') as Yaml);
