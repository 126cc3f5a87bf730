FROM node:20
WORKDIR /app
COPY package*.json ./
RUN npm install \
    && npm cache clean --force
CMD ["npm", "start"]
