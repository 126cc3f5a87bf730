# nginx starts as root to bind port 80: no USER fix, a pointer to the unprivileged image instead
FROM nginx:1.27-alpine
COPY dist /usr/share/nginx/html
