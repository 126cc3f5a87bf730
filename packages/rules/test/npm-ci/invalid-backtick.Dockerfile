# escape=`
FROM node:20
WORKDIR /app
RUN npm install `
    && npm run build
