FROM debian:12
ARG VERSION=1.2
# The finding lands on the continued line, past the comment line the frontend drops.
RUN curl -fsSL https://example.com/tool-$VERSION.tgz -o /tmp/tool.tgz \
# unpack it
    && cd /opt; tar -xzf /tmp/tool.tgz
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN if [ $target == "x" ]; then echo `uname -m`; fi
ONBUILD RUN cp $SRC /app
