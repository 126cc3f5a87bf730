FROM golang:1.23 AS build
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /out/app .
FROM node:22-slim
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
RUN npm run build
