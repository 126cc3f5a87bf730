# a tool image: go install, no -o
FROM golang:1.26
WORKDIR /src
COPY . .
RUN go install ./cmd/migrate
ENTRYPOINT ["migrate"]
