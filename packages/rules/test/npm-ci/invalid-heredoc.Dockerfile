# syntax=docker/dockerfile:1
FROM node:20
WORKDIR /app
COPY . .
RUN <<EOF
set -e
npm install
npm run build
EOF
RUN --mount=type=cache,target=/root/.npm npm install
