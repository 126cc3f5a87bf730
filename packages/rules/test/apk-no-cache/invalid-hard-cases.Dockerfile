FROM alpine:3.20
RUN set -eux; \
    apk update; \
    apk add bash
RUN if [ -n "$DEBUG" ]; then apk add strace; fi
RUN apk add --no-cache tini || apk add tini
RUN <<EOF
apk update
apk add openssl
EOF
