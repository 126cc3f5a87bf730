# syntax=docker/dockerfile:1
# A different --mount makes a different step: hadolint's DL3059 and merge-run stay quiet.
FROM alpine:3.20
RUN --mount=type=cache,target=/var/cache/apk apk add gcc
RUN apk add musl-dev
