FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM python:3.12-slim AS py
RUN pip install --no-cache-dir -r requirements.txt

FROM debian:bookworm-slim AS deb
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

FROM node:22-slim
WORKDIR /app
USER node
RUN npm ci --omit=dev
