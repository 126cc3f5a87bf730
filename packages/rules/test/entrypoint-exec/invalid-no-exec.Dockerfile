FROM node:22-slim
WORKDIR /app
COPY child-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["/usr/local/bin/child-entrypoint.sh"]
CMD ["node", "server.js"]
