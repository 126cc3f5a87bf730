FROM golang:1.23 AS build
WORKDIR /src
COPY id_rsa /src/id_rsa
COPY . .
RUN go build -o /src/app .
FROM gcr.io/distroless/static-debian12
COPY --from=build /src /srv
