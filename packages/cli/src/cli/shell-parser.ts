// The CLI bundle does not load tree-sitter's WebAssembly at start (scripts/bundle-cli.mjs leaves out
// @dockfix/core's top-level await): most files have only bodies the engine's fast path parses, and a
// one-file run then skips the load (~20 ms of ~140 ms). This is the one place that loads it when a
// file turns out to need it.
import { loadShellParser, ShellParserNotLoadedError } from '@dockfix/core';

/**
 * Runs `work`, a lint or fix of one file's text; when it needed the shell parser before it was
 * loaded, loads it and runs `work` again from the start. That is safe because lint and fix are pure
 * text → result: nothing was reported or written before they returned.
 */
export async function withShellParser<T>(work: () => T): Promise<T> {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ShellParserNotLoadedError)) throw error;
  }
  await loadShellParser();
  return work();
}
