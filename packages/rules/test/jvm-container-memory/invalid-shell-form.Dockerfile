FROM eclipse-temurin:17-jre AS base
ENV JAVA_TOOL_OPTIONS="-Xms256m"

FROM base
CMD java -Xmx768m -jar /app.jar
