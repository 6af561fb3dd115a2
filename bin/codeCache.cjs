// Loads a bundle with V8's code cache, kept per user (~/.cache/swarm-lint): a short run spends much of
// its time compiling functions on first call, and the cache written after a run holds them compiled.
// The bundle's own siblings (dist/swarm-lint-*.js, loaded on demand) go through the same cache. V8
// checks a cache against the source and the flags and ignores it when they differ; any error here
// falls back to a plain require.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'swarm-lint');
const loaded = new Map();
const toWrite = [];

function writeCaches() {
  for (const [cacheFile, script] of toWrite) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const stale = `${path.basename(cacheFile).replace(/-\d+-\d+\.v8$/, '')}-`;
      for (const old of fs.readdirSync(dir)) if (old.startsWith(stale)) fs.rmSync(path.join(dir, old), { force: true });
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch { /* a read-only home: no cache */ }
  }
}

function load(file) {
  const done = loaded.get(file);
  if (done) return done.exports;
  try {
    const source = fs.readFileSync(file, 'utf8');
    const stat = fs.statSync(file);
    const cacheFile = path.join(dir, `${path.basename(file)}-${stat.size}-${Math.floor(stat.mtimeMs)}.v8`);
    let cachedData;
    try { cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    const mod = { exports: {} };
    loaded.set(file, mod);
    const plain = Module.createRequire(file);
    const sibling = (id) => {
      const target = id.startsWith('.') || path.isAbsolute(id) ? path.resolve(path.dirname(file), id) : '';
      return path.dirname(target) === path.dirname(file) && path.basename(target).startsWith('swarm-lint-') ? load(target) : plain(id);
    };
    script.runInThisContext()(mod.exports, Object.assign(sibling, plain), mod, file, path.dirname(file));
    if (!cachedData || script.cachedDataRejected) {
      if (toWrite.length === 0) process.once('exit', writeCaches);
      toWrite.push([cacheFile, script]);
    }
    return mod.exports;
  } catch {
    loaded.delete(file);
    return require(file);
  }
}

exports.load = load;
