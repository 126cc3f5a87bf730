# `make` in the final stage without compilers (a Makefile that only copies files) is not a build to move
FROM golang:1.26 AS build
RUN go build -o /out/app .

FROM alpine:3.22
COPY --from=build /out/app /usr/local/bin/app
COPY Makefile /etc/app/
RUN apk add --no-cache make && make -C /etc/app config && apk del make
CMD ["app"]
