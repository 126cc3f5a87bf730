ARG NODE_VERSION=20
# the default says 20, but `--build-arg NODE_VERSION=14` would bring npm 6
FROM node:${NODE_VERSION}-alpine
WORKDIR /app
COPY . .
RUN npm ci --only=production \
    && npm cache clean --force
