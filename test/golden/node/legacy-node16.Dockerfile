FROM node:16-buster
WORKDIR /opt/app
COPY package.json package-lock.json ./
RUN npm install --production
COPY . .
EXPOSE 80
CMD npm start
