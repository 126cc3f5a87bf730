FROM amazoncorretto:17
COPY app.jar /app.jar
ENV JAVA_TOOL_OPTIONS="-Dfile.encoding=UTF-8"
ENTRYPOINT exec java -XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=75.0 -Dspring.profiles.active=$PROFILE -jar /app.jar
