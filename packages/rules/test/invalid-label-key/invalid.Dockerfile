FROM alpine:3.22
LABEL com.docker.extension.title="x" io.docker.y="y" org.dockerproject.z="z"
LABEL Maintainer="jo@example.com" .dot="a" trailing-="b" double..dot="c" "with space"="d"
