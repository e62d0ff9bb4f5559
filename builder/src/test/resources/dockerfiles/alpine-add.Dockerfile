FROM alpine:3.20
RUN apk add --no-cache \
      bash \
      git \
      tini
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.tar.gz /opt/
ADD --keep-git-dir=true https://github.com/example/project.git#v1.0 /src/project
ADD vendor.tar.gz /opt/vendor/
COPY --link --chmod=755 --exclude=*.md --exclude=tests/ scripts/ /usr/local/bin/
COPY --parents ./src/*/config.yaml /etc/app/
ADD --chown=1000:1000 --link=false --unpack=false rootfs /
