FROM alpine:3.22
LABEL org.opencontainers.image.source="github.com/example/app" \
      org.opencontainers.image.created="2026-12-03 10:00" \
      org.opencontainers.image.licenses="Apache 2" \
      org.opencontainers.image.revision="main" \
      org.opencontainers.image.version="v1.2" \
      maintainer="Ops <ops@example.com>" \
      org.opencontainers.image.title=""
