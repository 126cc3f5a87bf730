FROM python
COPY script.py /script.py
CMD ["python", "/script.py"]
