# a URL with credentials in it is a secret
FROM node:24-slim
ENV AUTH_TOKEN_URL=https://user:s3cr3t@auth.example.com/token
