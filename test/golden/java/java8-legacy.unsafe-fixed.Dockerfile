FROM eclipse-temurin:8-jre
ADD build/distributions/app.tar /opt/
WORKDIR /opt/app
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
ENTRYPOINT ["bin/app"]
