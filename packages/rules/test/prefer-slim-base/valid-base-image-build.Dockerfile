# builds but runs nothing: a base image for others, left alone
FROM node:22
WORKDIR /opt/tools
COPY tools/ ./
RUN npm ci && npm run build
