FROM python:3.9-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY ./app ./app
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "80"]
