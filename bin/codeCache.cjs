// Loads a bundle with V8's code cache, kept per user (~/.cache/swarm-lint): a short run spends much of
// its time compiling functions on first call, and the cache written after a run holds them compiled.
// V8 checks the cache against the source and the flags and ignores it when they differ; any error here
// falls back to a plain require.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

exports.load = function load(file) {
  try {
    const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'swarm-lint');
    const source = fs.readFileSync(file, 'utf8');
    const stat = fs.statSync(file);
    const cacheFile = path.join(dir, `${path.basename(file)}-${stat.size}-${Math.floor(stat.mtimeMs)}.v8`);
    let cachedData;
    try { cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    const mod = { exports: {} };
    script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
    if (!cachedData || script.cachedDataRejected) {
      process.once('exit', () => {
        try { fs.mkdirSync(dir, { recursive: true }); fs.writeFileSync(cacheFile, script.createCachedData()); } catch { /* a read-only home: no cache */ }
      });
    }
    return mod.exports;
  } catch {
    return require(file);
  }
};
