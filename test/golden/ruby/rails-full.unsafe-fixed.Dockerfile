# Rails app on the full Ruby image, the way the Rails guides' first draft looks
FROM ruby:3.3

# JavaScript runtime for the asset pipeline
RUN apt-get update && \
    apt-get install --no-install-recommends -y nodejs && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install

COPY . .
EXPOSE 3000
RUN groupadd --system app && useradd --system --gid app --no-log-init app
USER app
CMD ["bundle", "exec", "rails", "server", "-b", "0.0.0.0"]
