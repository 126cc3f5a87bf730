FROM ruby:3.3-slim
ONBUILD RUN gem install bundler:2 nokogiri
