FROM amazoncorretto:17
COPY app.jar /app.jar
ENV JAVA_TOOL_OPTIONS="-Dfile.encoding=UTF-8"
ENTRYPOINT java -Xmx2g -Xms2g -Dspring.profiles.active=$PROFILE -jar /app.jar
