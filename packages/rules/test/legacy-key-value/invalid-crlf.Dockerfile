FROM alpine:3.22
ENV APP_HOME /srv/app
ENV TWO words here
