ARG NODE_VERSION=24
ARG MY_ARCH=amd64
FROM node:${NODE_VERISON}-slim
FROM --platform=linux/${MYARCH} busybox
FROM --platform=$BULIDPLATFORM golang:1.26
ARG IN_STAGE=1
FROM alpine:${IN_STAGE}
