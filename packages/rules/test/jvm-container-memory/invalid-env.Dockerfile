FROM eclipse-temurin:21-jre
# JVM tuning
ENV JAVA_OPTS="-Xms512m -Xmx1024m -XX:+UseG1GC -XX:MaxGCPauseMillis=200"
COPY app.jar /app/app.jar
CMD ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
