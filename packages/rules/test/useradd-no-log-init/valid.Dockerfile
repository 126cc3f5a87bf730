FROM debian:bookworm-slim
RUN useradd -l -u 123456 app
RUN useradd --no-log-init --uid 1234567 svc
RUN useradd -u 10001 web
