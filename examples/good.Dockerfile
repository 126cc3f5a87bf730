# syntax=docker/dockerfile:1
# The same kind of app done carefully: dependencies are installed from the lockfile with the npm
# cache in a BuildKit cache mount (never in a layer), the build runs in its own stage, and the
# runtime stage gets production dependencies only and runs as the unprivileged `node` user.

FROM node:24-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build

FROM node:24-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
