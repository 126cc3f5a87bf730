FROM ruby:3.3-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home app
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . /app
# the app writes tmp/ and log/ at run time
RUN chown -R app:app /app
USER app
CMD ["bin/rails", "server", "-b", "0.0.0.0"]
