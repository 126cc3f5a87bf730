FROM centos:7 AS build
RUN yum install -y gcc

FROM centos:7
RUN yum install -y httpd && yum clean all
RUN yum install -y nginx && rm -rf /var/cache/yum
RUN --mount=type=cache,target=/var/cache/yum yum install -y git
COPY --from=build /usr/bin/gcc /usr/bin/
