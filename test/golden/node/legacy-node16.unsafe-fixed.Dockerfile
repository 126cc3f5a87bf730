FROM node:16-buster-slim
WORKDIR /opt/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
ENV NODE_ENV=production
COPY . .
EXPOSE 80
USER node
CMD ["npm", "start"]
