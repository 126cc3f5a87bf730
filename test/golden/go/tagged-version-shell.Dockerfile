FROM golang:1.25-bookworm
WORKDIR /go/src/github.com/example/cli
COPY . .
RUN go build -ldflags "-X main.version=1.4.2" -o /go/bin/cli .
ENTRYPOINT /go/bin/cli serve
