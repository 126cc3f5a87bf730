// The one top-level await of @dockfix/core: importing the package waits here for the shell parser,
// so every later call is synchronous. A module of its own so that the CLI bundle, which must not
// have a top-level await, can leave it out and await `shellReady` itself (scripts/bundle-cli.mjs).
import { shellReady } from './shell.js';

await shellReady;
