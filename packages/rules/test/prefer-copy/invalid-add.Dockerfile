FROM alpine:3.22
ADD app/ /srv/app/
add --chown=app:app config.json /etc/app/
ADD files.zip /tmp/
ADD $SRC /srv/
ADD --checksum=sha256:abc app.bin /srv/
