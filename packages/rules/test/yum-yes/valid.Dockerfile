FROM centos:7
RUN yum install -y httpd && yum clean all
RUN yum --assumeyes install httpd && yum clean all
RUN yum clean all
RUN echo assumeyes=1 >> /etc/yum.conf
RUN yum install nginx && yum clean all
