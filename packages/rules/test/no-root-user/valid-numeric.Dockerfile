FROM alpine:3.22
USER 10001:10001
CMD ["/bin/sh"]
