# Apache binds port 80 as root and drops its workers to www-data: no USER fix
FROM php:8.3-apache
COPY . /var/www/html/
