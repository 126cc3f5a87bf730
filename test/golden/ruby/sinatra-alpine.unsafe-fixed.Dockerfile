FROM ruby:3.3-alpine

# native extensions (puma, nio4r) need a compiler
RUN apk add --no-cache build-base

WORKDIR /srv
COPY Gemfile Gemfile.lock ./
RUN gem install bundler && bundle install
COPY . .

USER nobody
CMD ["bundle", "exec", "rackup", "--host", "0.0.0.0", "-p", "4567"]
