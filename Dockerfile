# convention-bot: the wheel is built in a first stage (knowledge/ ships inside it as package data),
# then installed in a slim image like any user would; the knowledge base is validated at build time
# (a broken knowledge file fails the build), non-root, database on a volume.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels && convention-bot validate --strict
COPY config.example.yaml ./config.yaml

RUN useradd --create-home --uid 10001 convention && mkdir -p /app/data && chown 10001 /app/data
USER 10001
VOLUME ["/app/data"]
# Webhook mode only (telegram.mode: webhook); polling needs no open port.
EXPOSE 8080

HEALTHCHECK --interval=60s --timeout=10s --start-period=30s CMD ["convention-bot", "healthcheck", "--config", "/app/config.yaml"]
CMD ["convention-bot", "run", "--config", "/app/config.yaml"]
