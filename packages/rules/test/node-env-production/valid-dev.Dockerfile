# a development image: production mode would be wrong here
FROM node:24
WORKDIR /app
COPY . .
RUN npm ci
CMD ["npx", "nodemon", "server.js"]
