// Bundles the extension, swarm-lint, the rollout webview and the extension-host tests with esbuild. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const extension = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // ssh2 loads optional native crypto by a relative require and falls back to JS when it fails.
  external: ['vscode', 'cpu-features', '*.node'],
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

/** swarm-lint: the engine alone, so a CI run starts fast; --cluster loads the Docker part on demand. */
const cli = {
  ...extension,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/swarm-lint.js',
  // The YAML library is a bundle of its own, loaded only when a file needs it (src/yamlAst/lazyLibs.ts):
  // one file to read instead of the package's many modules.
  alias: { yaml: './swarm-lint-yaml.js' },
  external: [...extension.external, './swarm-lint-cluster.js', './swarm-lint-yaml.js'],
  sourcemap: false,
  minify: true,
};
const cliCluster = { ...extension, entryPoints: ['src/cli/clusterFacts.ts'], outfile: 'dist/swarm-lint-cluster.js', sourcemap: false, minify: true };
const cliYaml = { ...extension, entryPoints: ['node_modules/yaml/dist/index.js'], outfile: 'dist/swarm-lint-yaml.js', sourcemap: false, minify: true };

/** The rollout webview: a browser bundle (the toolkit included) and its stylesheet, in dist/webview. */
const rolloutWebview = {
  entryPoints: [{ in: 'webview/rollout/main.ts', out: 'rollout' }, { in: 'webview/rollout/rollout.css', out: 'rollout' }],
  bundle: true,
  outdir: 'dist/webview',
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
  sourcemap: !production,
  minify: true,
  logLevel: 'info',
};

/** The extension-host test suite (test/vscode), one bundle; mocha comes from node_modules at run time. */
const vscodeTests = {
  ...extension, entryPoints: ['test/vscode/index.ts'], outfile: 'dist/test/vscode.js',
  external: [...extension.external, 'mocha'], sourcemap: true, minify: false,
};

const all = [extension, cli, cliCluster, cliYaml, rolloutWebview, vscodeTests];
if (watch) {
  for (const options of all) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(all.map((options) => esbuild.build(options)));
}
