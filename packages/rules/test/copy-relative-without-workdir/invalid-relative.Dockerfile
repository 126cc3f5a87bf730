FROM node:22-slim
COPY package.json .
COPY src "src/"
