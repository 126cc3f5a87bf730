FROM node:22-slim
WORKDIR /app
COPY . /app
RUN chown -R node:node /app
COPY scripts ./scripts
RUN chmod -R 755 ./scripts
COPY bin /usr/local/app-bin
RUN chmod -R u+x /usr/local/app-bin
COPY conf /etc/app
RUN chown -R node /etc/app && npm ci
USER node
CMD ["node", "server.js"]
