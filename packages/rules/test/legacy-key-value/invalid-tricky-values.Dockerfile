FROM alpine:3.22
ENV GREETING hello   world
ENV QUOTED "already quoted value"
ENV SINGLE 'it is $HOME'
ENV EXPANDED $HOME/bin:/opt/bin
ENV SPACED_VAR ${GREETING:-a b} tail
ENV DEPS \
    curl \
    # the client
    git
ENV MIXED "x" y
ENV ESCAPED a\ b
LABEL description A small tool
LABEL url=https://example.com
