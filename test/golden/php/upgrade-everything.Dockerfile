FROM php:8.3-fpm
# keep the OS patched
RUN apt-get update && apt-get upgrade -y
RUN apt-get install -y --no-install-recommends libpng-dev && docker-php-ext-install gd
COPY . /var/www/html
