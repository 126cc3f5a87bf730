FROM alpine:3.20
ONBUILD RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=8.9.1-r0
