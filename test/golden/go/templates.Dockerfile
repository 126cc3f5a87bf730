FROM golang:1.26-bookworm
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY *.go ./
COPY templates ./templates
COPY static/ ./static/
COPY config.yaml ./
RUN go build -o /app/web .
ENV GIN_MODE=release
EXPOSE 8080
ENTRYPOINT ["/app/web"]
