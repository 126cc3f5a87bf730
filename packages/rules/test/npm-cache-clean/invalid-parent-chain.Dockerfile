FROM node:20 AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build

# the final stage builds on `build`, which builds on `deps`: both layers ship
FROM build
CMD ["node", "dist/server.js"]
