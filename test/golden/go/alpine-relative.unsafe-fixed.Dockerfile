FROM golang:1.22-alpine AS build
RUN apk add --no-cache git
WORKDIR /app
COPY . .
RUN CGO_ENABLED=0 go build -o main .

FROM alpine:3.24
WORKDIR /app
COPY --from=build /app/main /app/main
EXPOSE 3000
RUN addgroup -S app && adduser -S -G app app
USER app
CMD ["./main", "-port", "3000"]
