FROM alpine:3.20 AS build
RUN apk add gcc

FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk --no-cache add git
RUN --mount=type=cache,target=/var/cache/apk apk add jq
RUN apk del curl
COPY --from=build /usr/bin/gcc /usr/bin/
