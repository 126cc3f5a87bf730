# bundle install compiles native gems: ruby:3.3-slim has no compiler, so no fix
FROM ruby:3.3
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . .
CMD ["bundle", "exec", "puma"]
