# major-only tags: php:5 is PHP 5.6, redis:5 and nginx:1.20 are older than any line still maintained
FROM php:5-apache AS php
FROM redis:5 AS redis
FROM nginx:1.20 AS nginx
# still supported: not reported
FROM php:8 AS php8
FROM redis:7 AS redis7
FROM nginx:1.28
