FROM python:3.13-slim-bookworm
ENV PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
USER 1000:1000
ENTRYPOINT ["python"]
CMD ["app.py"]
