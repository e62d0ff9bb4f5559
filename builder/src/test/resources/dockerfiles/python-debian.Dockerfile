FROM python:3.12-slim-bookworm

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# System packages, one per line, sorted
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        build-essential \
        # the PostgreSQL client library
        libpq-dev \

        curl \
        ca-certificates \
    ; \
    rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR="off" \
    GREETING="hello world" \
    ESCAPED=a\ b
COPY requirements.txt /tmp/
RUN pip install -r /tmp/requirements.txt
VOLUME ["/data", "/var/log/app"]
VOLUME /cache /tmp/scratch
STOPSIGNAL SIGINT
CMD [ "gunicorn", "app:wsgi" 
CMD ["python", 3]
ENTRYPOINT exec python -m app
