FROM centos:7
ONBUILD RUN yum install -y mariadb-10.4
