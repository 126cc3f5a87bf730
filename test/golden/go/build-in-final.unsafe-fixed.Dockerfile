FROM alpine:3.22 AS certs
RUN apk add --no-cache ca-certificates tzdata

FROM golang:1.26
COPY --from=certs /etc/ssl/certs /etc/ssl/certs
COPY --from=certs /usr/share/zoneinfo /usr/share/zoneinfo
WORKDIR /src
COPY . .
RUN go build -o /bin/api ./cmd/api && \
    groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["/bin/api"]
