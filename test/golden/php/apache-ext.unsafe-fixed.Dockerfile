FROM php:8.3-apache

# zip and intl for the app
RUN apt-get update && \
    apt-get install --no-install-recommends -y libzip-dev libicu-dev && \
    docker-php-ext-install zip intl && rm -rf /var/lib/apt/lists/*

COPY . /var/www/html/
