FROM debian:12
ONBUILD RUN apt-get install -q --no-install-recommends python3
