FROM golang:1.26 AS build
RUN go build -o /out/app .

FROM scratch AS binaries
COPY --from=build /out/app /app

FROM alpine:3.22
COPY --from=binaries / /
