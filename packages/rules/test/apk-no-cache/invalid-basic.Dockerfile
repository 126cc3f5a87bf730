FROM alpine:3.20
RUN apk add curl
RUN apk update && apk add git && rm -rf /var/cache/apk/*
RUN apk add --update python3
RUN apk -U add jq
RUN apk add --virtual .build-deps gcc musl-dev && apk del .build-deps
