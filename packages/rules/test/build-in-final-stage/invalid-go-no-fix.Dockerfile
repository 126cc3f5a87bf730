FROM alpine:3.22 AS certs
RUN apk add --no-cache ca-certificates

FROM golang:1.26
COPY --from=certs /etc/ssl/certs /etc/ssl/certs
WORKDIR /src
COPY . .
RUN go build -o /bin/app .
CMD ["/bin/app"]
