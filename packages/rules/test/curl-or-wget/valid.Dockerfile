FROM debian:bookworm-slim
RUN curl -fsSLO https://example.com/a.tar.gz

FROM alpine:3.20
RUN wget -q https://example.com/b.tar.gz
RUN apk add --no-cache curl
