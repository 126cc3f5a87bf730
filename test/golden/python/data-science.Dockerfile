FROM python:3.12
RUN apt-get update && apt-get install -y libgomp1
WORKDIR /work
COPY requirements.txt .
RUN pip install numpy pandas scikit-learn && pip install -r requirements.txt
COPY notebooks/ ./notebooks/
COPY train.py .
CMD ["python", "train.py"]
