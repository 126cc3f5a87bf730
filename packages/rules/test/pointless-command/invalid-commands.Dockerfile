FROM debian:bookworm-slim
RUN service nginx start && ps aux
RUN sudo /usr/bin/vim /etc/hosts
