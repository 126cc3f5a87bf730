# syntax = docker/dockerfile:1.0-experimental
ARG A=B
FROM node:16-alpine3.13
ARG C=D
RUN echo bla
