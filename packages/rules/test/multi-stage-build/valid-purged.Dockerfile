# like the official images: build from source and purge the compilers in the same RUN
FROM debian:bookworm-slim
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends gcc make libc6-dev wget ca-certificates; \
    wget -O /tmp/src.tar.gz https://example.com/src.tar.gz; \
    tar -xzf /tmp/src.tar.gz -C /usr/src; \
    make -C /usr/src/tool install; \
    apt-get purge -y --auto-remove gcc make libc6-dev wget; \
    rm -rf /var/lib/apt/lists/* /tmp/src.tar.gz /usr/src/tool
CMD ["tool"]
