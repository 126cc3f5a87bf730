FROM python
COPY script.py /script.py
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["python", "/script.py"]
