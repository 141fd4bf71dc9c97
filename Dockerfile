# The falco daemon's container image: Debian 12 slim, the `falco` example at
# /usr/bin/falco, Falco's /etc/falco layout (as the Debian package lays it
# out, .ci/deb-build), HOST_ROOT=/host as in Falco's image.
#
# Two ways to build it (README, "Installing"):
#
#   From source, in a Rust build stage (needs rust:1-bookworm and
#   debian:bookworm-slim from a registry):
#
#       docker build -t falco-rs:latest .
#
#   From a binary built on this machine (needs only debian:bookworm-slim,
#   which may be a local image, and the Debian mirror its apt points at):
#
#       cargo build --release --example falco
#       DOCKER_BUILDKIT=0 docker build --target prebuilt -t falco-rs:latest .
#
#   --build-arg FALCO_BINARY=<path in the build context> takes another
#   binary named `falco` (.dockerignore lets only
#   target/{release,debug}/examples/falco and target/image/falco of target/
#   into the context).
#
# The stages are ordered for Docker's legacy builder too, which builds every
# stage before its target: `base` and `prebuilt` come before the Rust stage,
# so `--target prebuilt` never asks a registry for rust:1-bookworm.

ARG BASE_IMAGE=debian:bookworm-slim
ARG RUST_IMAGE=rust:1-bookworm

# ---------------------------------------------------------------------------
# base: the runtime system and the configuration, shared by both ways.
FROM ${BASE_IMAGE} AS base

LABEL org.opencontainers.image.title="falco-rs" \
      org.opencontainers.image.description="Falco-compatible runtime security engine in Rust" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.url="https://falco.org/"

# The daemon reads the host's /proc, /etc and container runtime sockets
# under $HOST_ROOT (mounted there by `docker run -v` or the DaemonSet).
ENV HOST_ROOT=/host \
    HOME=/root

# The binary links libelf and zlib (libbpf's, which is linked in) besides
# libc and libgcc_s; ca-certificates for https:// outputs (http_output.ca_path
# is /etc/ssl/certs). From the Debian mirror, not from an image registry.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libelf1 zlib1g ca-certificates \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*

COPY dist/falco.yaml /etc/falco/falco.yaml
COPY rules/default_rules.yaml /etc/falco/falco_rules.yaml
COPY dist/deb/falco_rules.local.yaml /etc/falco/falco_rules.local.yaml
RUN mkdir -p /etc/falco/rules.d /etc/falco/config.d /host \
    && chmod 0644 /etc/falco/falco.yaml /etc/falco/falco_rules.yaml \
        /etc/falco/falco_rules.local.yaml

# The web server's port (`webserver.listen_port`: /healthz, /versions).
EXPOSE 8765
CMD ["/usr/bin/falco"]

# ---------------------------------------------------------------------------
# prebuilt: the binary comes from the build context.
FROM base AS prebuilt
ARG FALCO_BINARY=target/release/examples/falco
# The trailing `*` lets this stage build without a binary in the context
# (COPY fails only when no source at all matches, and dist/falco.yaml always
# does): the legacy builder builds this stage on its way to the default
# (source) target. The binary's file name must be `falco`; it lands in
# /usr/bin directly, so the image holds it once. The stray falco.yaml is
# removed and a missing binary named.
COPY dist/falco.yaml ${FALCO_BINARY}* /usr/bin/
RUN rm -f /usr/bin/falco.yaml; \
    if [ ! -x /usr/bin/falco ]; then \
        echo "WARNING: no ${FALCO_BINARY} in the build context: this image has no /usr/bin/falco" \
             "(run 'cargo build --release --example falco' first when building --target prebuilt)" >&2; \
    fi

# ---------------------------------------------------------------------------
# build: the release build of the `falco` example from the sources.
FROM ${RUST_IMAGE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang libelf-dev zlib1g-dev pkg-config make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked --example falco \
    && install -m 0755 target/release/examples/falco /usr/local/bin/falco \
    && strip --strip-debug /usr/local/bin/falco \
    && rm -rf target

# ---------------------------------------------------------------------------
# runtime (the default target): base plus the binary built from source.
FROM base AS runtime
COPY --from=build /usr/local/bin/falco /usr/bin/falco
