FROM golang:1.22-alpine
RUN apk add --no-cache git
WORKDIR /app
COPY . .
RUN go build -o main .
EXPOSE 3000
CMD ./main -port 3000
