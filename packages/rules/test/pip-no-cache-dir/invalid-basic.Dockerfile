FROM python:3.12-slim
COPY requirements.txt .
RUN pip install -r requirements.txt
RUN python3 -m pip install --upgrade pip setuptools
RUN /opt/venv/bin/pip3 install gunicorn
RUN if [ -f extra.txt ]; then pip install -r extra.txt; fi
