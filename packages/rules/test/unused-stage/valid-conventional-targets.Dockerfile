# stages named like --target/bake targets are not reported by default
FROM golang:1.26 AS base
WORKDIR /src
COPY . .

FROM base AS validate
RUN go vet ./...

FROM scratch AS update
COPY --from=base /src/docs /

FROM base AS build
RUN go build -o /out/app .

FROM alpine:3.22
COPY --from=build /out/app /app
