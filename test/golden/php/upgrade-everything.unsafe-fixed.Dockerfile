FROM php:8.3-fpm
# keep the OS patched
RUN apt-get update && apt-get upgrade -y && \
    apt-get install -y --no-install-recommends libpng-dev && docker-php-ext-install gd && rm -rf /var/lib/apt/lists/*
COPY . /var/www/html
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
