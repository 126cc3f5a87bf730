FROM node:18 AS build
WORKDIR /src
COPY . .
RUN set -eux; \
    if [ -f package-lock.json ]; then \
        npm install; \
    fi; \
    npm run build || \
      npm install --legacy-peer-deps
# a comment between instructions
RUN cd client \
    # comment line inside the continuation
    && /usr/local/bin/npm isntall \
    && npm test
