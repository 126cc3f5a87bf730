FROM node:22 AS web
RUN npm ci

FROM golang:1.26 AS api
RUN go build ./...
