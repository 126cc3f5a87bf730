FROM alpine:3.20
COPY app /usr/local/lib/app
# USER root and no CMD: the fix would append its lines at the end, which a trailing continuation would swallow
USER root
RUN echo building \
