# VERSION the version to build
ARG VERSION=1.0
# base compiles the binary
FROM golang:1.26 AS base
# a note that is not a description

ARG OTHER=1
# hadolint ignore=DL3006
FROM alpine
#
ARG X=1
