FROM alpine:3.22
LABEL org.opencontainers.image.licenses="MIT"
