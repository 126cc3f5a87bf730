# syntax=docker/dockerfile:1
# The dockfix command line as an image. Lint the current directory:
#   docker run --rm -v "$PWD:/work" ghcr.io/dockfix/dockfix lint
# Build it from a checkout of this repository: docker build -t dockfix .

FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY packages ./packages
# The install script of tree-sitter-bash builds a native addon that dockfix never loads (it uses
# the .wasm), so scripts are skipped; then build, and drop the dev dependencies.
RUN npm ci --ignore-scripts --no-audit --no-fund \
    && npx tsc -b \
    && npm prune --omit=dev --ignore-scripts \
    && npm cache clean --force

FROM node:22-bookworm-slim
ENV NODE_ENV=production
COPY --from=build /src/package.json /opt/dockfix/package.json
COPY --from=build /src/node_modules /opt/dockfix/node_modules
COPY --from=build /src/packages /opt/dockfix/packages
RUN ln -s /opt/dockfix/packages/cli/bin/dockfix.js /usr/local/bin/dockfix
WORKDIR /work
USER node
ENTRYPOINT ["dockfix"]
CMD ["lint"]
