# nginx and php have no slim Debian variant, only Alpine, which has apk, not apt: no proposal
FROM php:8.3-apache AS php
RUN apt-get update && apt-get install -y --no-install-recommends libpng-dev && rm -rf /var/lib/apt/lists/*
COPY . /var/www/html

FROM nginx:1.27
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=php /var/www/html /usr/share/nginx/html
