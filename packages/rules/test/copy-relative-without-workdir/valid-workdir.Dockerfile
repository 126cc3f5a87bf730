FROM node:22-slim AS base
WORKDIR /app
COPY package.json .

FROM base
COPY src src/
COPY other /srv/other
COPY x $DEST
