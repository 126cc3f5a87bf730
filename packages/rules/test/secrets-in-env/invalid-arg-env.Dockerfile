FROM node:24-slim
ARG NPM_TOKEN
ARG GITHUB_TOKEN=""
ENV DATABASE_PASSWORD=changeme API_KEY=abc123
ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI
WORKDIR /app
COPY . .
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
