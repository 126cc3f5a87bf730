FROM node:24 AS build
WORKDIR /app
USER node
COPY --chown=node:node . .
RUN npm ci && npm run build

FROM debian:bookworm-slim
COPY --from=build /app/dist /srv
CMD ["/srv/app"]
