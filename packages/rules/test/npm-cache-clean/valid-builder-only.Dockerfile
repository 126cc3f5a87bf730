FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

# only copied from: its npm cache never reaches the shipped image
FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
