FROM ubuntu:24.04
RUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt search ripgrep
RUN apt full-upgrade -y
RUN /usr/bin/apt remove -y nano
