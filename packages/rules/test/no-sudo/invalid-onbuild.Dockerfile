# hadolint DL3004 spec, ONBUILD variant: sudo in a trigger is flagged like in a RUN.
FROM debian:12
ONBUILD RUN apt-get update && sudo apt-get install -y --no-install-recommends curl
USER nobody
