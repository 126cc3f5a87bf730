FROM eclipse-temurin:11-jre
RUN mkdir /opt/app
COPY japp.jar /opt/app
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["java", "-jar", "/opt/app/japp.jar"]
