FROM node:22-slim
ONBUILD RUN --mount=type=cache,target=/var/lib/foobar yarn install
