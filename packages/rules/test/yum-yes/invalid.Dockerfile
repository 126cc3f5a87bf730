FROM centos:7
RUN yum install httpd && yum clean all
RUN yum -q update && yum clean all
RUN yum groupinstall "Development Tools" && yum clean all
