# npm 6 (Node.js <= 14) ignores --omit=dev: only the stages known to have npm >= 7 get a safe fix;
# on a known npm 6 (old, old-codename, child-of-old) --production is right and is not reported (W5)
FROM node:14-alpine AS old
RUN npm ci --production

FROM node:fermium AS old-codename
RUN npm ci --production

FROM node AS untagged
RUN npm ci --production

FROM node:lts-slim AS lts
RUN npm ci --production

FROM docker.io/library/node:16.20.2-bullseye AS hub
RUN npm ci --production

FROM node@sha256:0a2e0e2b3d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a AS digest
RUN npm ci --production

FROM mhart/alpine-node:16 AS not-official
RUN npm ci --production

FROM lts AS child-of-lts
RUN npm prune --production

FROM old AS child-of-old
RUN npm prune --production
