FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 5000
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["python", "app.py"]
