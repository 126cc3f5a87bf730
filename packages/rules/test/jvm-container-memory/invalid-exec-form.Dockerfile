FROM eclipse-temurin:17-jre
COPY app.jar /app.jar
ENTRYPOINT ["java", "-Xmx2g", "-Xms2g", "-jar", "/app.jar"]
