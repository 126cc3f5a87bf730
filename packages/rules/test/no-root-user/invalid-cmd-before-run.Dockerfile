FROM debian:bookworm-slim
COPY app /usr/local/bin/app
CMD ["/usr/local/bin/app"]
# a RUN after CMD still needs root: the USER goes after it
RUN rm -f /etc/app/default.conf
