FROM gradle:8.10-jdk17 AS build
WORKDIR /home/gradle/project
COPY --chown=gradle:gradle . .
RUN gradle bootJar --no-daemon

FROM eclipse-temurin:11-jre
COPY --from=build /home/gradle/project/build/libs/*.jar /opt/app/app.jar
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["java", "-jar", "/opt/app/app.jar"]
