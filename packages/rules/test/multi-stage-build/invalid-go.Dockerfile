FROM golang:1.26
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /bin/server ./cmd/server
EXPOSE 8080
ENTRYPOINT ["/bin/server"]
