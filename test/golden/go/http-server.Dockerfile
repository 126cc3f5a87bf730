FROM golang:1.26
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /usr/local/bin/server ./cmd/server
EXPOSE 8080
CMD ["/usr/local/bin/server"]
