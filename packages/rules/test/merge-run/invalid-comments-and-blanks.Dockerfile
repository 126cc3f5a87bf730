FROM alpine:3.20
RUN apk add --no-cache git

# fetch the sources
    # (indented comment)

RUN git clone --depth 1 https://example.com/repo.git /src
