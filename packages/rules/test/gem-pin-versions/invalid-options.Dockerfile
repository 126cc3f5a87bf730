FROM ruby:3.3-slim
# A known switch takes no value: `rails` is still a gem.
RUN gem install --no-document rails
# `gem i` is `gem install`.
RUN gem i -N nokogiri
# Build options after `--` are not gems; `nokogiri` before them is.
RUN gem install nokogiri -- --use-system-libraries
