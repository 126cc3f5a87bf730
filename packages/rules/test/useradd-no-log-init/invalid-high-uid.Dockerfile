FROM debian:bookworm-slim
RUN groupadd -g 123456 app && useradd --uid 123456 -g app app
RUN sudo useradd -u123456789 svc
