# the base stage is both the builder's and the final stage's: no fix, the final stage needs its own FROM
FROM node:22 AS base
WORKDIR /app

FROM base AS build
COPY . .
RUN npm ci && npm run build

FROM base
COPY --from=build /app/dist ./dist
CMD ["node", "dist/server.js"]
