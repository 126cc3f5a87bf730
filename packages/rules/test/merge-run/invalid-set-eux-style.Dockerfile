FROM debian:bookworm-slim
# docker-library style: each RUN starts with `set -eux`, so the options the first one leaves on are set again anyway;
# but the last RUN does not set -u again: unsafe
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates curl; \
	rm -rf /var/lib/apt/lists/*

RUN set -eux; \
	curl -fsSL https://example.com/tool.tgz -o /tmp/tool.tgz; \
	tar -xzf /tmp/tool.tgz -C /usr/local/bin; \
	rm /tmp/tool.tgz
RUN set -e; \
	tool --version
