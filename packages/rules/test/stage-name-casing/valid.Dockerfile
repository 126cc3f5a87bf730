FROM golang:1.26 AS builder
RUN go build -o /out/app .

FROM alpine:3.22
COPY --from=builder /out/app /app
