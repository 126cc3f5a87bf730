FROM python:3.12-slim
WORKDIR /srv
COPY . /srv
ENV PIP_NO_CACHE_DIR=1
RUN pip install -r requirements.txt -r requirements-prod.txt
CMD ["python", "app.py"]
