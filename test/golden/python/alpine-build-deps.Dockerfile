# compilers are installed and removed in the same layer: nothing to split
FROM python:3.13-alpine
WORKDIR /app
COPY requirements.txt .
RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \
    && pip install --no-cache-dir -r requirements.txt \
    && apk del .build-deps
COPY . .
USER nobody
CMD ["python", "main.py"]
