FROM node:24-slim
WORKDIR /app
COPY . .
CMD npm start
