FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npm ci && npm run build
COPY . /other
WORKDIR /other
RUN yarn install --frozen-lockfile
