# Express API: installs everything, no build step
FROM node:22

WORKDIR /usr/src/app

# install dependencies first so they are cached
COPY package.json package-lock.json ./
RUN npm install

COPY . .

EXPOSE 8080
CMD ["node", "index.js"]
