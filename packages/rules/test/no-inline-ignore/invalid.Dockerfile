FROM debian:12
# hadolint ignore=DL3003
RUN cd /tmp && make
# dockfix-ignore use-workdir -- kept for the build script
RUN cd /src && make
