ARG VERSION=1.37
ARG VARIANT=""
ARG BASE=ghcr.io/example/base
FROM busybox:$VERSION
FROM busybox:stable${VARIANT}
FROM ${BASE}:${VERSION}
FROM busybox:${UNSET:-latest}
