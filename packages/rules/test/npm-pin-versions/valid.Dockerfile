FROM node:20-alpine
RUN npm install -g pm2@5 @angular/cli@18.1.0 ./local git+https://example.com/x.git#v1.2.0
RUN npm ci
