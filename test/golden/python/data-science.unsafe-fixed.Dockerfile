FROM python:3.12-slim
RUN apt-get update && apt-get install --no-install-recommends -y libgomp1 && rm -rf /var/lib/apt/lists/*
WORKDIR /work
COPY requirements.txt .
RUN pip install --no-cache-dir numpy pandas scikit-learn && pip install --no-cache-dir -r requirements.txt
COPY notebooks/ ./notebooks/
COPY train.py .
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["python", "train.py"]
