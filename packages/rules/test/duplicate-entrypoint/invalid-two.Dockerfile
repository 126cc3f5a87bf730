FROM alpine:3.22
ENTRYPOINT ["/bin/sh"]
RUN echo hi
ENTRYPOINT ["/usr/local/bin/app"]
