# `apk add --no-cache` fetches its own index: the `apk update` before it only leaves one in the layer
FROM alpine:3.20
RUN apk update && apk add --no-cache curl
