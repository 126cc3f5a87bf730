FROM centos:7
RUN yum install -y httpd-2.4.6 @development ./x.rpm && yum clean all
