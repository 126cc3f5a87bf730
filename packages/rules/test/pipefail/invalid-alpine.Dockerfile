FROM alpine:3.20
RUN wget -qO- https://example.com/app.tar.gz | tar -xz -C /opt
