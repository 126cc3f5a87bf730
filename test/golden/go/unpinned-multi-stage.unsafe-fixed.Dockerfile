FROM golang AS builder
WORKDIR /go/src/app
COPY . .
RUN CGO_ENABLED=0 go build -o /go/bin/app

FROM alpine:latest
RUN apk add --no-cache ca-certificates
COPY --from=builder /go/bin/app /usr/local/bin/app
RUN addgroup -S app && adduser -S -G app app
USER app
ENTRYPOINT ["app"]
