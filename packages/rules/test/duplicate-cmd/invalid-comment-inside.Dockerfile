FROM node:22-slim
CMD ["node", \
# old entry point
    "old.js"]
CMD ["node", "server.js"]
