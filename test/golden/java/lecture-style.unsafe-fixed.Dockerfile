FROM eclipse-temurin:11-jre

# JVM tuning parameters
ENV JAVA_OPTS="-XX:InitialRAMPercentage=37.5 -XX:MaxRAMPercentage=75.0 -XX:+UseG1GC -XX:MaxGCPauseMillis=200 -XX:+UseStringDeduplication"

# application
COPY app.jar /app/
WORKDIR /app

# unprivileged user
RUN adduser --disabled-password --gecos '' appuser
USER appuser

# app and monitoring ports
EXPOSE 8080 9090

CMD ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
