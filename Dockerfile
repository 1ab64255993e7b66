# syntax=docker/dockerfile:1
# The `kruise` binary (manager, daemon, local cluster) in a small non-root image:
#   docker build -t swiftkruise/kruise:v0.1.0 .
# Builder and runtime are both Debian 12 (bookworm) so the binary's glibc matches the one it runs on.

ARG SWIFT_VERSION=6.3

FROM swift:${SWIFT_VERSION}-bookworm AS build
# AsyncHTTPClient's compression links zlib.
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Dependencies first: this layer stays cached while only our sources change.
COPY Package.swift Package.resolved ./
RUN swift package resolve
# Tests/ is copied because the manifest declares the test targets (they are not built).
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product kruise \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/kruise" /staging/kruise

FROM debian:bookworm-slim
# CA certificates for TLS to API servers and registries; the C++ runtime and zlib the binary links.
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends ca-certificates libstdc++6 zlib1g \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 65532 kruise \
    && useradd --uid 65532 --gid 65532 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin kruise
COPY --from=build /staging/kruise /usr/local/bin/kruise
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/kruise"]
CMD ["manager"]
