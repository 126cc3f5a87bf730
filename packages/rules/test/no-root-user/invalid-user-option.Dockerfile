FROM redhat/ubi9
COPY app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
