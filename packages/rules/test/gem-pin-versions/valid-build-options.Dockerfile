FROM ruby:3.3-slim
RUN gem install nokogiri:1.18.6 --no-document -- --use-system-libraries
