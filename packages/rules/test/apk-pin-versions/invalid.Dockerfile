FROM alpine:3.20
RUN apk add --no-cache curl --virtual .build-deps gcc~13
