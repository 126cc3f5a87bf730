FROM ruby:3.3-slim
RUN gem install bundler -v 2.5.16 && gem install rake:13.2.1
