# escape=`
FROM alpine:3.20
RUN apk add --no-cache curl `
      jq
RUN curl --version
