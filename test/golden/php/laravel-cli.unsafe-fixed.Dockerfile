FROM php:8.2-cli
RUN apt-get update && apt-get install --no-install-recommends -y git unzip && rm -rf /var/lib/apt/lists/*
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --optimize-autoloader
COPY . .
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
# queue worker
CMD ["php", "artisan", "queue:work", "--tries=3"]
