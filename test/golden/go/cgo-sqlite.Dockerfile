# needs cgo for sqlite: reported, but no automatic split
FROM golang:1.26-alpine
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /bin/store ./cmd/store
CMD ["/bin/store"]
