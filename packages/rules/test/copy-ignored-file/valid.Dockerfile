FROM node:24-slim AS deps
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY https://example.com/README.md /srv/
COPY $DOCS /srv/
COPY . .
