import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, text: string, catches: boolean): SpecCase[] => [[name, text, catches], [name, text, catches, 'onbuild']];

specTable('DL3060', 'yarn-cache-clean', [
  ...both('non-yarn commands', 'RUN foo', false),
  ...both('no cache clean', 'RUN yarn install foo', true),
  ...both('cache clean', 'RUN yarn install bar && yarn cache clean', false),
  ['clean before install', 'RUN yarn cache clean && yarn install foo', true],
  ...both('cache mount', 'RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar', false),
  ...both('tmpfs mount', 'RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar', false),
  ...both('cache mount in wrong location', 'RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar', true),
  ...both('tmpfs mount in wrong location', 'RUN --mount=type=tmpfs,target=/var/lib/foobar yarn install foobar', true),
  ...both('yarn install in last stage', 'FROM node:lts-alpine as foo\nRUN hey!\nFROM scratch\nRUN yarn install\n', true),
  ...both('inheriting from stage with yarn install', 'FROM node:lts-alpine as foo\nRUN yarn install\nFROM foo\nRUN hey!\n', true),
  ...both('inheriting from stage with yarn cache clean', 'FROM node:lts-alpine as foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey!\n', false),
  // hadolint expects the ONBUILD variant of this one to be reported: an ONBUILD trigger runs in whatever image builds on it.
  ['stage not reused later', 'FROM node:lts-alpine as foo\nRUN yarn install foo\nFROM scratch\nRUN hey!\n', false],
  ['stage not reused later', 'FROM node:lts-alpine as foo\nRUN yarn install foo\nFROM scratch\nRUN hey!\n', true, 'onbuild'],
]);
