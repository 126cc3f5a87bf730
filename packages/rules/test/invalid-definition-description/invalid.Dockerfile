# the version to build
ARG VERSION=1.0
# BasE compiles
FROM golang:1.26 AS base
# several arguments
ARG A=1 B=2
