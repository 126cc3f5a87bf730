ARG REVISION
FROM alpine:3.22
ARG REVISION
LABEL org.opencontainers.image.source="https://github.com/example/app" \
      org.opencontainers.image.created="2026-12-03T10:00:00Z" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.revision="$REVISION" \
      org.opencontainers.image.version="1.2.0" \
      maintainer="ops@example.com" \
      org.opencontainers.image.title="app" \
      other=""
