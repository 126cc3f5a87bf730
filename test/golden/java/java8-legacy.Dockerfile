FROM java:8
ADD build/distributions/app.tar /opt/
WORKDIR /opt/app
ENTRYPOINT ["bin/app"]
