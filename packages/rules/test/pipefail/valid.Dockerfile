FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt

FROM alpine:3.20
RUN set -euo pipefail; wget -qO- https://example.com/x | sh
RUN echo no pipe here > /tmp/x

FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN type C:\x | findstr y
