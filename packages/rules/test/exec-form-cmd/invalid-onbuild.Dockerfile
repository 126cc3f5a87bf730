FROM node:22-slim
ONBUILD CMD node server.js
