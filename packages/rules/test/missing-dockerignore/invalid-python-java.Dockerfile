FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY ./ /src/
RUN mvn -B package

FROM python:3.13-slim
COPY --from=build /src/target/app.jar /opt/app.jar
COPY [".", "/srv/"]
RUN pip install --no-cache-dir -r /srv/requirements.txt
