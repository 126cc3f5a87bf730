FROM alpine:3.22
RUN apk add --no-cache \
    # the client
    curl

RUN echo done
