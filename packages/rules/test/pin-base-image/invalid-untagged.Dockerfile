FROM node
WORKDIR /app
CMD ["node", "server.js"]
