ARG NODE_VERSION=18
FROM node:${NODE_VERSION}-buster
CMD ["node", "server.js"]
