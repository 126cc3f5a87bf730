# yarn: reported, but the restructuring fix only knows npm
FROM node:22
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile && yarn cache clean
COPY . .
RUN yarn build
ENV NODE_ENV=production
USER node
CMD ["node", "build/server.js"]
