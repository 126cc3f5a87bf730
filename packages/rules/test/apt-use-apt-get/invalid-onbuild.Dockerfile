FROM ubuntu:24.04
ONBUILD RUN apt install -y python3
