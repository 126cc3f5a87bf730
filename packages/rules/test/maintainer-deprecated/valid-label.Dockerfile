FROM debian:bookworm-slim
LABEL maintainer="Jane Doe <jane@example.org>"
