FROM node:20-slim
WORKDIR /app
COPY . .
RUN set -eux; \
    npm ci --no-audit > /dev/null 2>&1; \
    npm run build
RUN npm i && echo installed || echo failed
