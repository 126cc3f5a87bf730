FROM centos:7
ONBUILD RUN yum install httpd-2.4.24 && yum clean all
