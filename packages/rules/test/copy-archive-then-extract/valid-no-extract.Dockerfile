FROM debian:bookworm-slim
COPY dist/app.tar.gz /srv/downloads/
RUN tar -czf /tmp/other.tar.gz /etc

FROM debian:bookworm-slim
COPY --from=0 /srv/downloads/app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz
