# The bot in a container: the same entry points as the Procfile.
#   docker build -t factbot .
#   docker run --env-file .env -p 3000:3000 -v factbot-data:/data factbot                 # web (HTTP)
#   docker run --env-file .env factbot python -m bot clock                                 # the digest clock
#   docker run --env-file .env factbot python -m bot serve                                 # Socket Mode
#   docker run --env-file .env -v factbot-data:/data factbot python -m bot db upgrade     # migrations
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY knowledge ./knowledge
RUN pip install '.[postgres]' \
    && useradd --create-home --uid 10001 factbot \
    && mkdir -p /data && chown factbot /data

# Never root at run time; the default SQLite database lives in the /data volume.
USER factbot
ENV BOT_DATA_DIR=/data PORT=3000
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['PORT'] + '/healthz', timeout=2)"
CMD ["gunicorn", "--config", "python:bot.gunicorn_conf", "bot.wsgi:create_wsgi_app()"]
