FROM eclipse-temurin:17-jre
ENV JAVA_OPTS=-Xms256m
CMD ["sh", "-c", "exec java $JAVA_OPTS -jar /app.jar"]
