# hadolint DL3002: a fragment that ends as root.
RUN make
USER root
