FROM alpine:3.20
WORKDIR /src
RUN (cd /tmp && wget -q https://example.com/x.tar.gz)
RUN make -C build
