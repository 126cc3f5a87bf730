ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY app /usr/local/bin/app
CMD ["app"]
