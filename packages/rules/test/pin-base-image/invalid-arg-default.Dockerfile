ARG BASE_IMAGE=alpine
FROM ${BASE_IMAGE}
RUN echo hello
