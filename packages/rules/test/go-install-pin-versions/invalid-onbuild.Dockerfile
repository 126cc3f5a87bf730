FROM golang:1.23
ONBUILD RUN go install example.com/pkg@latest
