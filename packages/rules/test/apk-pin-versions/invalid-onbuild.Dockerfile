FROM alpine:3.20
ONBUILD RUN apk add --no-cache flex
