# A fragment is not a whole build: it does not ship a toolchain.
RUN go build -o /app ./cmd/app
CMD ["/app"]
