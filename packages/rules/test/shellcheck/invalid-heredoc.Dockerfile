# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
apk add --no-cache curl
for f in $(ls /etc/*.conf); do echo $f; done
EOF
RUN cat <<EOF > /etc/motd && cd /srv
Welcome to $HOSTNAME
EOF
