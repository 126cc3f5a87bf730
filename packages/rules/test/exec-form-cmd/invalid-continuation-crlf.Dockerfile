FROM golang:1.26-alpine
CMD /usr/local/bin/server \
    --listen :8080 \
    --verbose
