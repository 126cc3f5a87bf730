FROM debian:bookworm-slim
RUN curl -fsSLO https://example.com/a.tar.gz
RUN wget -q https://example.com/b.tar.gz && sudo wget -q https://example.com/c.tar.gz
