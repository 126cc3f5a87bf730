ARG VARIANT=slim
FROM alpine:3.22 AS build-slim
FROM debian:bookworm AS build-full
FROM build-${VARIANT}
