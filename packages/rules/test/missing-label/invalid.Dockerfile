FROM golang:1.26 AS build
RUN go build -o /app .

FROM alpine:3.22 AS tools
RUN apk add --no-cache curl

FROM alpine:3.22
LABEL org.opencontainers.image.source="https://github.com/example/app"
COPY --from=build /app /app
