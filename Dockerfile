# syntax=docker/dockerfile:1
# The dockfix command line as an image. Lint the current directory:
#   docker run --rm -v "$PWD:/work" ghcr.io/dockfix/dockfix lint
# Build it from a checkout of this repository: docker build -t dockfix .

FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY packages ./packages
COPY scripts ./scripts
# The rule pages @dockfix/rules ships (copied into the package by the build), for `dockfix rule <id>`.
COPY docs/rules ./docs/rules
COPY bench/package.json ./bench/package.json
# The install script of tree-sitter-bash builds a native addon that dockfix never loads (it uses
# the .wasm), so scripts are skipped; then build (tsc, the rule docs and the CLI bundle; not the VS
# Code extension), and drop the dev dependencies. npm's download cache stays in a cache mount, out of the image.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund \
    && npm run build:cli \
    && npm prune --omit=dev --ignore-scripts

FROM node:22-bookworm-slim
ENV NODE_ENV=production
COPY --from=build /src/package.json /opt/dockfix/package.json
COPY --from=build /src/node_modules /opt/dockfix/node_modules
COPY --from=build /src/packages /opt/dockfix/packages
RUN ln -s /opt/dockfix/packages/cli/bin/dockfix.js /usr/local/bin/dockfix
WORKDIR /work
# The node image's `node` user, by number so that hosts and Kubernetes can check it is not root.
USER 1000:1000
# A one-shot command line: no long-running service for Docker to check.
HEALTHCHECK NONE
ENTRYPOINT ["dockfix"]
CMD ["lint"]
