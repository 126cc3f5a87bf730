FROM debian:bookworm-slim
RUN wget https://example.org/big.tar.gz

FROM alpine:3.22
RUN wget -O /tmp/x https://example.org/x
