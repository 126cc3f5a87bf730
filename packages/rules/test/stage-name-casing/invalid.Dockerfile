FROM golang:1.26 AS Builder
RUN go build -o /out/app .

FROM Builder AS Tester
RUN go test ./...

FROM alpine:3.22
COPY --from=Builder /out/app /app
RUN --mount=type=bind,from=BUILDER,source=/out,target=/mnt ls /mnt
COPY --from=builder /out/app /app2
