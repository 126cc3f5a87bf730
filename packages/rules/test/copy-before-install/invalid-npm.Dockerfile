FROM node:20-alpine
WORKDIR /app
# Bundle app source
COPY --chown=node:node . .
RUN npm ci --omit=dev && npm cache clean --force
CMD ["node", "server.js"]
