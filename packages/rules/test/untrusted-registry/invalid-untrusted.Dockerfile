FROM ghcr.io/acme/base:1.2 AS base
FROM node:22-slim
COPY --from=quay.io/acme/tools:1 /bin/tool /usr/local/bin/
COPY --from=base /etc/hosts /tmp/
