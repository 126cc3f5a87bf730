FROM node:24-slim
COPY server.js /srv/server.js
RUN chmod 0444 /srv/server.js
CMD ["node", "/srv/server.js"]