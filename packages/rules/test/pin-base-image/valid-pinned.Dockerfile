# a tag, a digest, an earlier stage, scratch, and an ARG with no default are all fine
ARG RUNTIME
FROM golang:1.26 AS build
FROM build AS test
FROM alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1
FROM localhost:5000/app:1.2.3
FROM scratch
FROM ${RUNTIME}
