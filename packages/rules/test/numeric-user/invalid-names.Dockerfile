FROM node:22-slim
USER node
USER app:app
