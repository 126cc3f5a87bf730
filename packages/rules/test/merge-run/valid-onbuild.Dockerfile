# Each ONBUILD RUN is a layer of another image; hadolint's DL3059 leaves them, and so does merge-run,
# also when a plain RUN follows.
FROM debian:12
ONBUILD RUN echo a
ONBUILD RUN echo b
RUN echo c
