FROM debian:bookworm AS base
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*

FROM base
COPY app /usr/local/bin/app
CMD ["/usr/local/bin/app"]
