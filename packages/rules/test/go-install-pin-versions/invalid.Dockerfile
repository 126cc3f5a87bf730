FROM golang:1.22
RUN go install -ldflags "-s -w" golang.org/x/tools/gopls@latest github.com/x/y
