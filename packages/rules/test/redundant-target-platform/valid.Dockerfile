FROM --platform=$BUILDPLATFORM golang:1.26 AS build
FROM --platform=linux/arm64 alpine:3.22
