FROM ubuntu:24.04
COPY 99norecommends /etc/apt/apt.conf.d/
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
