FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/server ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=build /usr/local/bin/server /usr/local/bin/server
EXPOSE 8080
CMD ["/usr/local/bin/server"]
