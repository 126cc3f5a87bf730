FROM maven:3.9-eclipse-temurin-21 AS build
ENV MAVEN_OPTS="-Xmx2g"
RUN mvn -B -Dmaven.compiler.fork=true -DargLine=-Xmx1g package

FROM eclipse-temurin:21-jre
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=50.0"
ENV GRADLE_OPTS="-Xmx1g"
COPY --from=build /target/app.jar /app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]
