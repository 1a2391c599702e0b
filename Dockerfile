# convention-bot: a slim image, dependencies in their own layer, the knowledge base validated at build.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

# Dependencies first: this layer is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
RUN mkdir bot && touch bot/__init__.py && pip install --no-cache-dir . && rm -rf bot build

COPY bot ./bot
COPY knowledge ./knowledge
COPY config.example.yaml ./config.yaml
RUN pip install --no-cache-dir --no-deps . && convention-bot validate --strict /app/knowledge

RUN useradd --create-home --uid 10001 convention && mkdir -p /app/data && chown convention /app/data
USER convention
VOLUME ["/app/data"]

CMD ["convention-bot", "run", "--config", "/app/config.yaml"]
