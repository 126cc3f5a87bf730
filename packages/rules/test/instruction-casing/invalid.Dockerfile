FROM alpine:3.22
run apk add --no-cache curl
Copy app /app
CMD ["/app"]
