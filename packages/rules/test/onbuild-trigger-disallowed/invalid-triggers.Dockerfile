FROM node:22-slim
ONBUILD FROM debian:bookworm
onbuild maintainer Jane
ONBUILD ONBUILD RUN echo hi
