# Rails app on the full Ruby image, the way the Rails guides' first draft looks
FROM ruby:3.3

# JavaScript runtime for the asset pipeline
RUN apt-get update
RUN apt-get install -y nodejs

WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install

COPY . .
EXPOSE 3000
CMD bundle exec rails server -b 0.0.0.0
