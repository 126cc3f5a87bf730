FROM centos:7
RUN yum install -y httpd
RUN echo ServerName localhost >> /etc/httpd/conf/httpd.conf && yum clean all
