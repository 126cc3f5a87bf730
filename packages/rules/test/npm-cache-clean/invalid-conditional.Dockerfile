FROM node:20
WORKDIR /app
COPY . .
RUN if [ -f package-lock.json ]; then npm ci; else npm install; fi
RUN npm ci || npm install
RUN npm ci 2>&1 | tee /tmp/npm.log
RUN npm ci --cache /tmp/npm-cache
RUN (cd client && npm ci) && (cd server && npm ci --omit=dev)
