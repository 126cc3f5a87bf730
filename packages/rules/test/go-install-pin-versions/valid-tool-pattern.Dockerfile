FROM golang:1.26
COPY go.mod go.sum /src/
RUN cd /src && go install tool
