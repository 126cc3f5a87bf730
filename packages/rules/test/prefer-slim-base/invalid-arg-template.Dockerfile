ARG NODE_VERSION=22
FROM node:${NODE_VERSION}
COPY server.js /srv/
CMD ["node", "/srv/server.js"]
