FROM node:20-alpine
RUN --mount=type=cache,target=/var/cache/apk apk add git && npm ci
