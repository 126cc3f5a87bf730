from alpine:3.22
run apk add --no-cache curl
COPY app /app
cmd ["/app"]
