# a single-stage image that builds and runs the app: reported without a fix (a slim image would lack the
# compilers the build may need); multi-stage-build offers the split
FROM node:22
WORKDIR /app
COPY . .
RUN npm ci && npm run build
CMD ["node", "dist/server.js"]
