FROM node:20-alpine
RUN npm install -g pm2 @angular/cli typescript@5.5
