FROM --platform=$BUILDPLATFORM golang:1.26 AS build
FROM --platform=${TARGETPLATFORM:-linux/amd64} debian:bookworm-slim
FROM debian:bookworm-slim
