FROM alpine:3.22
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["--help"]
