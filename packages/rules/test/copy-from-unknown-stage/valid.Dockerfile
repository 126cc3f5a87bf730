FROM golang:1.26 AS Build
RUN go build -o /out/app .

FROM alpine:3.22
COPY --from=build /out/app /app
COPY --from=0 /out/app /app2
COPY --from=nginx:1.27-alpine /etc/nginx/nginx.conf /etc/nginx/
COPY --from=ghcr.io/grpc-ecosystem/grpc-health-probe:v0.4.28 /ko-app/grpc-health-probe /bin/
COPY --from=$TOOLS /x /x
