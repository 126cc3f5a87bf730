FROM node:22-slim
WORKDIR /app
COPY --chown=node:node . /app
RUN chown node:node /app
RUN chown -R node:node /home/node
COPY data /data
RUN chown -R --from=root node /data
USER node
CMD ["node", "server.js"]
