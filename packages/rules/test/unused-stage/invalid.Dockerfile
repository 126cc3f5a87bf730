FROM golang:1.26 AS build
RUN go build -o /out/app .

# left over from a refactoring
FROM golang:1.26 AS old-build
RUN make

FROM alpine:3.22 AS tools
RUN apk add --no-cache curl

FROM tools AS unused-child

FROM golang:1.26
RUN echo unnamed and unused

FROM alpine:3.22
COPY --from=build /out/app /app
