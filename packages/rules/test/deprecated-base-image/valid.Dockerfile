FROM eclipse-temurin:21-jre AS java
FROM almalinux:9 AS alma
FROM mcr.microsoft.com/dotnet/aspnet:8.0
