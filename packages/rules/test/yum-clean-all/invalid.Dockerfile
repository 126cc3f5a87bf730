FROM centos:7
RUN yum install -y httpd
RUN yum install -y epel-release && \
    yum install -y nginx # and nothing else
RUN set -eux; yum -y update; yum -y install git;
