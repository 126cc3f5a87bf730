FROM python:3.12-slim
RUN pip install --no-cache-dir git+https://github.com/rtfd/read-ext.git#egg=read-ext "git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext"
