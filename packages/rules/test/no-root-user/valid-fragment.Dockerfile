# A fragment says nothing about the final user: no report for a missing USER.
RUN apt-get update
