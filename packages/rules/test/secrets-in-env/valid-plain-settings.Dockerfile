# settings named like secrets whose values are numbers, paths or URLs without credentials
FROM node:24-slim
ENV PASSWORD_MIN_LENGTH=8 \
    TOKEN_URL=https://auth.example.com/oauth/token \
    API_KEY_PATH=/run/secrets/api_key \
    SECRET_TTL=3600s
