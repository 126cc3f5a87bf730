FROM node:22-slim
CMD ["node", "old.js"]

# the server
COPY . /app

CMD ["node", "server.js"]

CMD ["node", "/app/index.js"]