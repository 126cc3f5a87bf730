FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/svc .

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=build /bin/svc /bin/svc
HEALTHCHECK --interval=30s CMD ["/bin/svc", "healthcheck"]
ENV PORT=8080
USER nobody
ENTRYPOINT ["/bin/svc"]
