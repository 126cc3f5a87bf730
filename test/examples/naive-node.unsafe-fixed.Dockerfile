# A first Dockerfile for a Node.js web app, written the quick way: the full node image,
# the whole build context copied before installing, one RUN per step, running as root.
FROM node:20 AS build

# Create app directory
WORKDIR /usr/src/app

# Bundle app source
COPY package*.json ./

# Install dependencies, then build
RUN npm ci
COPY . .
RUN npm run build && \
    npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /usr/src/app
COPY --from=build /usr/src/app ./
USER node

ENV PORT=3000
EXPOSE 3000
CMD ["npm", "start"]
