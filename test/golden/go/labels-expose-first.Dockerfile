FROM golang:1.26
LABEL org.opencontainers.image.title="inventory" \
      org.opencontainers.image.source="https://example.com/inventory"
# gRPC and metrics
EXPOSE 9000 9090
WORKDIR /build
ENV CGO_ENABLED=0
COPY . .
RUN go build -o /inventory ./cmd/inventory
ENTRYPOINT ["/inventory"]
CMD ["--listen", ":9000"]
