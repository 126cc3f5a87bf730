// Loads bundle/cli.cjs (scripts/bundle-cli.mjs) with V8's code cache, so that a run skips parsing
// and compiling ~1.3 MB of JavaScript (about 40 ms on a 2-core machine; `node -e 0` takes about as
// long). Node >= 22.1 has module.enableCompileCache() for this; Node 20 has only `vm.Script`'s
// `cachedData`, hence a classic script compiled here rather than an ES module.
//
// Two caches: the one the build wrote beside the bundle (it fits the Node that built it), and this
// user's own in the temp dir, written after a run that had no cache V8 could use (another Node
// version, other V8 flags, or a package without the build's); that one is tried first. V8 checks
// its version and flags; the file names carry the bundle's build id, as V8 only checks the
// source's length.
'use strict';
const { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'bundle', 'cli.cjs');

/** The build's code cache for this bundle source, by the id the build appended (see bundle-cli.mjs); null without one. */
function cachePathFor(bundle, source) {
  const id = buildId(source);
  return id && `${bundle}.${id}.v8cache`;
}

/** The build id; null for a bundle without one, which then runs with no cache at all. */
function buildId(source) {
  return /\/\/# dockfixBuild=([0-9a-f]{16})\s*$/.exec(source.slice(-64))?.[1] ?? null;
}

/**
 * This user's cache in the temp dir. Code in it runs as the user, so the directory is private
 * (0700) and must belong to the user; on a system where that cannot be checked there is none.
 */
function userCachePath(source) {
  const uid = process.getuid?.();
  if (uid === undefined || buildId(source) === null) return null;
  const dir = path.join(tmpdir(), `dockfix-v8-cache-${uid}`);
  return { dir, file: path.join(dir, `${buildId(source)}-${process.version}-${process.arch}.v8cache`) };
}

/** The cache's bytes when the file is this user's and no one else can write it; else undefined. */
function readPrivate(file) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Compiles and runs the bundle; returns its exports and a `saveCache()` to call after the run,
 * which writes this user's caches when V8 had none it could use and the run loaded the engine
 * (and does nothing otherwise).
 * `codeCache: false` compiles without one (the build, which makes the caches); `userCache: false`
 * tries the build's only (a test of it).
 *
 * Parts of the bundle that most runs never use (yargs, yaml, fast-glob, web-tree-sitter's
 * JavaScript) are scripts of their own beside it, each with its own cache, loaded by the bundle's
 * `__dockfixPart(name)` when first required (scripts/bundle-cli.mjs): a one-file lint then reads,
 * and takes from the cache, two thirds of the code it did.
 */
function loadBundle({ codeCache = true, userCache = true } = {}) {
  const loaded = [];
  const load = (file, args) => {
    const script = loadScript(file, { codeCache, userCache });
    loaded.push(script);
    return script.run(args);
  };
  const parts = new Map();
  const loadPart = (name) => {
    if (!parts.has(name)) {
      const file = path.join(path.dirname(BUNDLE), `${name}.cjs`);
      parts.set(name, load(file, []));
    }
    return parts.get(name);
  };
  // The bundle's import() of a user's file (a JavaScript config, a plugin) goes through this module's:
  // on Node 20, a script compiled from a code cache loses its own dynamic-import callback.
  const importModule = (specifier) => import(specifier);
  const bundleExports = load(BUNDLE, [importModule, loadPart]);
  const saveCache = () => {
    if (bundleExports.ranEngine?.() !== true) return;
    for (const script of loaded) if (script.stale && script.own) writePrivate(script.own, createCachedData(script.script));
  };
  return {
    main: bundleExports.main,
    script: loaded[0].script,
    saveCache,
    /** The cache of each script this process loaded, by the file the build writes it to. */
    createCachedData: () => loaded.map((script) => ({ file: script.cacheFile, data: createCachedData(script.script) })),
  };
}

/**
 * Compiles one script of the bundle (bundle/cli.cjs or a part) with its code cache; `run(args)`
 * runs it as a CommonJS module with `args` as its last parameters and returns its exports.
 */
function loadScript(file, { codeCache, userCache }) {
  // UTF-8, though the bundle is ASCII: read as Latin-1 it is 1.5 ms quicker to compile from the cache,
  // but Node makes a string that large an external one, and the run then took ~13 ms more CPU.
  const source = readFileSync(file, 'utf8');
  const own = codeCache && userCache ? userCachePath(source) : null;
  // This user's cache first: it exists only where V8 rejected the build's.
  let cachedData = own ? readPrivate(own.file) : undefined;
  const cacheFile = cachePathFor(file, source);
  if (codeCache && cacheFile && cachedData === undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache from the build (a bundle built by hand, or a package that leaves it out).
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __dockfixImportMetaUrl, __dockfixImport, __dockfixPart) {${source}\n})`, {
    filename: file,
    cachedData,
    // The bundle's own import() (a JavaScript config file) goes through Node's loader, as in a module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return {
    script,
    own,
    cacheFile,
    // Used once the run is over: the cache then holds the functions the run compiled too.
    stale: codeCache && (cachedData === undefined || script.cachedDataRejected === true),
    run(args) {
      const scriptModule = { exports: {} };
      script.runInThisContext()(scriptModule.exports, createRequire(file), scriptModule, file, path.dirname(file), pathToFileURL(file).href, ...args);
      return scriptModule.exports;
    },
  };
}

/**
 * The cache as a fresh process can use it. V8 stamps a cache with a hash of its flags, and
 * @dockfix/core's Liftoff-only WebAssembly load (shell.ts) leaves two flags off for the rest of
 * the process (`--liftoff-only` implies `--no-wasm-tier-up --no-wasm-dynamic-tiering`, and
 * `--no-liftoff-only` does not turn them back on): a cache made after a lint that loaded the
 * parser would never match. So they are put back to V8's defaults for the stamp, then off again.
 * Turning them on while the parser runs would tier its code up (seconds of TurboFan at exit), so
 * only between runs. The parser loads only for a file that needs it (cli/shell-parser.ts): after a
 * run that never loaded it the flags are at their defaults already, and leaving them off afterwards
 * touches no WebAssembly (there is none, and a later load is Liftoff-only anyway).
 */
function createCachedData(script) {
  // Required here, not at the top: node:v8 loads Node's stream modules, and most runs make no cache.
  const { setFlagsFromString } = require('node:v8');
  const userFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /liftoff|tier/.test(arg));
  if (userFlags) return script.createCachedData();
  setFlagsFromString('--wasm-tier-up');
  setFlagsFromString('--wasm-dynamic-tiering');
  try {
    return script.createCachedData();
  } finally {
    setFlagsFromString('--no-wasm-tier-up');
    setFlagsFromString('--no-wasm-dynamic-tiering');
  }
}

/** Writes the cache file whole (a rename) in the private directory; a failure only costs the next run its cache. */
function writePrivate({ dir, file }, data) {
  try {
    mkdirSync(dir, { mode: 0o700, recursive: true });
    // Not a symbolic link, and this user's alone: someone else's directory could swap the file.
    const stat = lstatSync(dir);
    if (!stat.isDirectory() || stat.uid !== process.getuid?.() || (stat.mode & 0o077) !== 0) return;
    const partial = `${file}.${process.pid}`;
    const fd = openSync(partial, 'w', 0o600);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch {
    // A read-only or full temp dir: the next run compiles the bundle, as this one did.
  }
}

module.exports = { BUNDLE, cachePathFor, loadBundle };
