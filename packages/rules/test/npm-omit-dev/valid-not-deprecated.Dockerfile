FROM node:20
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
RUN npm install --production=false
RUN npm install --only=dev
RUN npm ci --only=$NPM_ONLY
RUN yarn install --production --frozen-lockfile
RUN npm run build --production
RUN NODE_ENV=production npm ci
