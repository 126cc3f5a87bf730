FROM tomcat:10.1-jdk17-temurin-jammy
ENV CATALINA_OPTS="-XX:InitialRAMPercentage=25.0 -XX:MaxRAMPercentage=75.0"
RUN rm -rf /usr/local/tomcat/webapps/*
COPY target/shop.war /usr/local/tomcat/webapps/ROOT.war
EXPOSE 8080
CMD ["catalina.sh", "run"]
