# Installing the sudo package is not running sudo.
FROM debian:12
ONBUILD RUN apt-get install -y --no-install-recommends sudo
