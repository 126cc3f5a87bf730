FROM golang:1.26-alpine
RUN apk add --no-cache git
WORKDIR /app
ENV CGO_ENABLED=0 GOOS=linux
COPY . .
RUN go build -o server .
CMD ./server --port 8080
