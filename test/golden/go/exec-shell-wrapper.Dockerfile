FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/worker ./cmd/worker

FROM alpine:3.22
COPY --from=build /out/worker /usr/local/bin/worker
RUN adduser -S -D worker
USER worker
ENTRYPOINT ["/bin/sh", "-c", "worker --queue \"$QUEUE\""]
