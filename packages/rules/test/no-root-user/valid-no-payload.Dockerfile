# a tool image: it installs a package and runs it, with nothing of an app copied in
FROM alpine:3.20
RUN apk add --no-cache curl
ENTRYPOINT ["curl"]

FROM debian:bookworm-slim
# chroot --userspec drops privileges at start, like gosu
COPY app /app
ENTRYPOINT ["chroot", "--userspec=1000:1000", "/", "/app"]
