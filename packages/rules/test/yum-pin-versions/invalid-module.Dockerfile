FROM rockylinux:9
# A module needs a stream: `nodejs:20`.
RUN yum module install -y nodejs && yum clean all
