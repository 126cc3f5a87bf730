FROM debian:bookworm-slim
USER builder
RUN apt-get update && apt-get install -y --no-install-recommends curl
