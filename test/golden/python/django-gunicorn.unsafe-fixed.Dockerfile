FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
# the key Django signs sessions with
ENV DJANGO_SECRET_KEY=change-me

WORKDIR /code
COPY requirements.txt /code/
RUN pip install --no-cache-dir -r requirements.txt
COPY . /code/

EXPOSE 8000
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD exec gunicorn mysite.wsgi:application --bind 0.0.0.0:$PORT --workers 3
