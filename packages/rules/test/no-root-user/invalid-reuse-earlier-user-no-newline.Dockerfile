FROM ubuntu:24.04
RUN useradd --create-home builder
USER builder
RUN make
USER root
RUN apt-get update