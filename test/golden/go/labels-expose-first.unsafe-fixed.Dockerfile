FROM golang:1.26 AS build
WORKDIR /build
ENV CGO_ENABLED=0
COPY . .
RUN go build -o /inventory ./cmd/inventory

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /build
COPY --from=build /inventory /inventory
LABEL org.opencontainers.image.title="inventory" \
      org.opencontainers.image.source="https://example.com/inventory"
# gRPC and metrics
EXPOSE 9000 9090
ENTRYPOINT ["/inventory"]
CMD ["--listen", ":9000"]
