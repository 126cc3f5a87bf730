FROM node:22 AS build
RUN npm ci

FROM golang:1.26 AS Build
RUN go build ./...
