// Bundles the extension (and, later, the webview) with esbuild. `--watch` rebuilds on change.
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
  // The YAML library loads from node_modules only when a file needs it (see src/yamlAst/lazyLibs.ts).
  external: [...extension.external, './swarm-lint-cluster.js', 'yaml'],
  sourcemap: false,
  minify: true,
};
const cliCluster = { ...extension, entryPoints: ['src/cli/clusterFacts.ts'], outfile: 'dist/swarm-lint-cluster.js', sourcemap: false, minify: true };

const all = [extension, cli, cliCluster];
if (watch) {
  for (const options of all) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(all.map((options) => esbuild.build(options)));
}
