// The one top-level await of @dockfix/core: importing the package loads the shell parser, so every
// later call is synchronous. A module of its own so that the CLI bundle, which must not have a
// top-level await, can leave it out and load the parser only when a file needs it (scripts/bundle-cli.mjs).
import { loadShellParser } from './shell.js';

await loadShellParser();
