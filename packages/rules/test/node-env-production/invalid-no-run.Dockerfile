from node:24-alpine as build
workdir /app
copy . .
run npm ci && npm run build

from gcr.io/distroless/nodejs22-debian12
copy --from=build /app /app
cmd ["/app/dist/server.js"]
