FROM node:22-slim
ONBUILD COPY . /app
ONBUILD RUN npm ci
