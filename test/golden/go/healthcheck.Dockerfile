FROM golang:1.26
WORKDIR /src
COPY . .
RUN go build -o /bin/svc .
HEALTHCHECK --interval=30s CMD ["/bin/svc", "healthcheck"]
ENV PORT=8080
USER nobody
ENTRYPOINT ["/bin/svc"]
