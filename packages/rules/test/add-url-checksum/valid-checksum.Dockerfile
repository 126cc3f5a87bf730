# syntax=docker/dockerfile:1.6
FROM debian:bookworm-slim
ADD --checksum=sha256:bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3 https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
ADD app.tar.gz /srv/
ADD $URL /opt/
ADD https://github.com/moby/buildkit.git#v0.14.0 /src
