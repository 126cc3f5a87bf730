FROM alpine:3.22 AS certs
RUN apk add --no-cache ca-certificates tzdata

FROM golang:1.26
COPY --from=certs /etc/ssl/certs /etc/ssl/certs
COPY --from=certs /usr/share/zoneinfo /usr/share/zoneinfo
WORKDIR /src
COPY . .
RUN go build -o /bin/api ./cmd/api
CMD ["/bin/api"]
