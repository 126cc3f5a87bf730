FROM alpine:3.20
# Upgrading one package is a targeted fix
RUN apk upgrade --no-cache openssl
FROM rockylinux:9
RUN dnf -y upgrade openssl && dnf clean all
RUN dnf -y upgrade $PKGS && dnf clean all
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --only-upgrade libssl3 && rm -rf /var/lib/apt/lists/*
