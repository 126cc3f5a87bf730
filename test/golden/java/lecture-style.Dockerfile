FROM openjdk:11-jre-slim

# JVM tuning parameters
ENV JAVA_OPTS="-Xms512m -Xmx1024m -XX:+UseG1GC -XX:MaxGCPauseMillis=200 -XX:+UseStringDeduplication"

# application
COPY app.jar /app/
WORKDIR /app

# unprivileged user
RUN adduser --disabled-password --gecos '' appuser
USER appuser

# app and monitoring ports
EXPOSE 8080 9090

CMD ["sh", "-c", "java $JAVA_OPTS -jar app.jar"]
