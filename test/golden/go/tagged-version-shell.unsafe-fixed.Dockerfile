FROM golang:1.25-bookworm AS build
WORKDIR /go/src/github.com/example/cli
COPY . .
RUN CGO_ENABLED=0 go build -ldflags "-X main.version=1.4.2" -o /go/bin/cli .

FROM alpine:3.24
WORKDIR /go/src/github.com/example/cli
COPY --from=build /go/bin/cli /go/bin/cli
RUN addgroup -S app && adduser -S -G app app
USER app
ENTRYPOINT ["/go/bin/cli", "serve"]
