FROM gcr.io/distroless/nodejs22-debian12:nonroot AS plain
COPY app /app
CMD ["/app/server.js"]

ARG ARCH=amd64
FROM gcr.io/distroless/static-debian12:nonroot-${ARCH}
COPY app /app
ENTRYPOINT ["/app"]
