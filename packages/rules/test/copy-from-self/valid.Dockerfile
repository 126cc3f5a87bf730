FROM golang:1.26 AS build
RUN go build -o /out/app .

FROM alpine:3.22
COPY --from=build /out/app /app
COPY --from=0 /out/app /app2
COPY --from=${BUILDER} /x /x
