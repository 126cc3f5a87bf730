FROM debian:12
ARG VERSION=1.2
ENV APP_HOME=/app
RUN curl -fsSL "https://example.com/tool-${VERSION}.tgz" -o /tmp/tool.tgz \
    && tar -xzf /tmp/tool.tgz -C "$APP_HOME" \
    && echo "$http_proxy" > /dev/null
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN [[ -d "$APP_HOME" ]] && echo ok
ONBUILD RUN cp "$APP_HOME/a" /tmp
