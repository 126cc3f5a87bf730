FROM registry.example.com/acme/base:1.2 AS base
FROM eu.mirror.example.com/node:22-slim
COPY --from=base /etc/hosts /tmp/
FROM scratch
