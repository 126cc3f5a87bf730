FROM debian:bookworm-slim
RUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt full-upgrade -y
FROM alpine:3.20
RUN apk update && apk upgrade
FROM rockylinux:9
RUN yum -y update && yum clean all
