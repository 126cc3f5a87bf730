FROM ubuntu:24.04
RUN apt-get install -y --no-install-recommends curl
RUN apt-get --no-install-recommends install -y curl
RUN apt-get install -y -o APT::Install-Recommends=false curl
RUN apt-get install -y $APT_OPTS curl
RUN apt-get update
