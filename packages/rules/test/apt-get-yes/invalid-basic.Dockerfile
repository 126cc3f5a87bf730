FROM debian:bookworm-slim
RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*
RUN apt update && apt install --no-install-recommends git && rm -rf /var/lib/apt/lists/*
RUN sudo apt-get -q install wget
RUN apt-get purge gcc && apt-get autoremove
