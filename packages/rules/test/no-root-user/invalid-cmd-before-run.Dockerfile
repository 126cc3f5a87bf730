FROM nginx:1.27
CMD ["nginx", "-g", "daemon off;"]
# a RUN after CMD still needs root: the USER goes after it
RUN rm /etc/nginx/conf.d/default.conf
