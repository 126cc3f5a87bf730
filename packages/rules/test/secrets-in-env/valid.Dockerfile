# public keys, file paths and versions are not secrets; neither are keyboards or monkeys
FROM python:3.13-slim
ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password
ARG KEY_VERSION=3
ENV PUBLIC_KEY=/etc/app/public.pem KEYBOARD=us MONKEY=1
ENV TOKENIZER_PARALLELISM=false
RUN --mount=type=secret,id=pip_token,env=PIP_TOKEN pip install --no-cache-dir app
