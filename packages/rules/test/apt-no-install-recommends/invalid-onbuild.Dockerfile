FROM debian:12
ONBUILD RUN apt-get -y install python3
