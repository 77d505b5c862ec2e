# Kamailio for the cluster compose file: Debian's kamailio running docker/kamailio/kamailio.cfg, its placeholders
# filled at start from the environment (KAMAILIO_ADDR, KAMAILIO_PORT, the dispatcher list mounted at
# /etc/kamailio-earpiece/dispatcher.list). Build from the repo root:
#   docker build -f docker/cluster/kamailio.Dockerfile -t earpiece-kamailio .
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends kamailio \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1000 --no-create-home --shell /usr/sbin/nologin earpiece
COPY docker/kamailio/kamailio.cfg /etc/kamailio-earpiece/kamailio.cfg.in
COPY docker/cluster/kamailio-start /usr/local/bin/kamailio-start
USER 1000:1000
ENTRYPOINT ["/usr/local/bin/kamailio-start"]
