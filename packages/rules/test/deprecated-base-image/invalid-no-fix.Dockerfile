# no drop-in successor: CentOS 7, a non-LTS JDK, an OpenJ9 image, Microsoft's old repositories, an onbuild tag
FROM centos:7 AS legacy
FROM openjdk:13 AS thirteen
FROM adoptopenjdk:11-jre-openj9 AS openj9
FROM microsoft/dotnet:2.2-sdk AS dotnet
FROM node:8-onbuild AS onbuild
FROM docker.io/library/centos:8
