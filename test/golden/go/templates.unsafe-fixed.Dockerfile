FROM golang:1.26-bookworm AS build
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY *.go ./
COPY templates ./templates
COPY static/ ./static/
COPY config.yaml ./
RUN CGO_ENABLED=0 go build -o /app/web .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /app/web /app/web
COPY --from=build /app/templates /app/templates
COPY --from=build /app/static /app/static
COPY --from=build /app/config.yaml /app/config.yaml
ENV GIN_MODE=release
EXPOSE 8080
ENTRYPOINT ["/app/web"]
