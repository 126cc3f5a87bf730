FROM alpine:3.22
ADD rootfs.tar.gz /
ADD "vendor.tgz" /opt/
ADD https://example.org/tool /usr/local/bin/tool
ADD git@github.com:acme/lib.git /src/lib
COPY app/ /srv/app/
