FROM debian:bookworm-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
USER 0:0

FROM base
COPY app /usr/local/bin/app
CMD ["app"]
