# convention-bot: slim official Python, dependencies in their own layer, knowledge base validated
# at build time (a broken knowledge file fails the build), non-root, database on a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Dependencies first: this layer is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
RUN mkdir bot && touch bot/__init__.py && pip install --no-cache-dir . && rm -rf bot build

COPY bot ./bot
COPY knowledge ./knowledge
COPY config.example.yaml ./config.yaml
RUN pip install --no-cache-dir --no-deps . && convention-bot validate --strict /app/knowledge

RUN useradd --create-home --uid 10001 convention && mkdir -p /app/data && chown 10001 /app/data
USER 10001
VOLUME ["/app/data"]
# Webhook mode only (telegram.mode: webhook); polling needs no open port.
EXPOSE 8080

HEALTHCHECK --interval=60s --timeout=10s --start-period=30s CMD ["convention-bot", "healthcheck", "--config", "/app/config.yaml"]
CMD ["convention-bot", "run", "--config", "/app/config.yaml"]
