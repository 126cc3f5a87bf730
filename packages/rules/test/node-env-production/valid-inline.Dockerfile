FROM node:24-slim
COPY server.js /srv/server.js
CMD NODE_ENV=production node /srv/server.js
