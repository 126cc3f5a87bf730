# cgo is on on purpose: reported without a fix
FROM golang:1.26
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /bin/app .
CMD ["/bin/app"]
