FROM centos:7
ONBUILD RUN yum install -y tomcat && yum clean all
