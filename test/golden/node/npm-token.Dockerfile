FROM node:24-slim
ARG NPM_TOKEN
WORKDIR /app
COPY package*.json ./
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc \
 && npm ci --omit=dev \
 && rm -f .npmrc
COPY . .
USER node
CMD ["node", "server.js"]
