# A first Dockerfile for a Node.js web app, written the quick way: the full node image,
# the whole build context copied before installing, one RUN per step, running as root.
FROM node:20

# Create app directory
WORKDIR /usr/src/app

# Bundle app source
COPY . .

# Install dependencies, then build
RUN npm install && npm cache clean --force
RUN npm run build

ENV PORT=3000
EXPOSE 3000
CMD npm start
