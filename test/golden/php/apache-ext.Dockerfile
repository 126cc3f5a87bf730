FROM php:8.3-apache

# zip and intl for the app
RUN apt-get update
RUN apt-get install -y libzip-dev libicu-dev
RUN docker-php-ext-install zip intl

COPY . /var/www/html/
