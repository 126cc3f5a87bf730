FROM golang:1.26 AS build
RUN go build -o /out/app .

FROM alpine:3.22
COPY --from=biuld /out/app /app
COPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/
COPY --from=5 /x /x
COPY --from=later /y /y
RUN --mount=from=tools,target=/tools /tools/run

FROM alpine:3.22 AS later
