FROM node:24-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
# run the migrations, then the server
CMD ["sh", "-c", "npm run migrate && node server.js"]
