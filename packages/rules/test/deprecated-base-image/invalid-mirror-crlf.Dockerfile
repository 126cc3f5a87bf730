FROM mirror.gcr.io/library/openjdk:21-jdk
CMD ["jshell"]
