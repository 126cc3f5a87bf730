# hadolint DL3009 spec: a trigger's layer goes into the image built FROM this one, so an
# unused stage does not excuse it (a plain RUN there would not be reported).
FROM ubuntu:24.04 AS foo
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends python3
FROM scratch
COPY hello /
