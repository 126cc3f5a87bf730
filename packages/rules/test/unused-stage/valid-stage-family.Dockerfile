# `FROM exit-${VARIANT}` may name any stage called exit-…, whatever dockfix makes of the default
# (buildkit's hack/dockerfiles/archutil.Dockerfile computes it from TARGETPLATFORM)
ARG VARIANT=${TARGETPLATFORM#linux/amd64}
ARG VARIANT=${VARIANT:+"unsupported"}
ARG VARIANT=${VARIANT:-"supported"}
FROM scratch AS exit-unsupported
FROM alpine:3.22 AS exit-supported
RUN echo ok > /ok
FROM exit-${VARIANT} AS exit

FROM alpine:3.22
COPY --from=exit / /exit
