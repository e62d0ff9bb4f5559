FROM ruby:3.3 AS base
MAINTAINER Jane Doe <jane@example.com>
ONBUILD COPY Gemfile Gemfile.lock /app/
onbuild run bundle install --jobs 4
ONBUILD ENV RACK_ENV=production
ONBUILD HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK NONE

FROM base
HEALTHCHECK --start-interval=500ms --interval=1h CMD ["curl", "-f", "http://localhost:3000/up"]
HEALTHCHECK cmd curl -f http://localhost/ || exit 1
