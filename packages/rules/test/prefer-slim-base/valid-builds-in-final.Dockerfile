# a single-stage build: multi-stage-build reports it, not this rule (a slim builder would lack compilers)
FROM node:22
WORKDIR /app
COPY . .
RUN npm ci && npm run build
CMD ["node", "dist/server.js"]
