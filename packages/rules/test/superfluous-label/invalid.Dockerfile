FROM alpine:3.22
LABEL org.opencontainers.image.licenses="MIT" org.opencontainers.image.licence="MIT"
LABEL extra=1
