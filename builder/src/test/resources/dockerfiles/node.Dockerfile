from node:20-bookworm-slim as deps
env NODE_ENV production
workdir /usr/src/app
COPY ["package.json", "package-lock.json*", "./"]
Run npm ci --omit=dev

FROM node:20-bookworm-slim
LABEL org.opencontainers.image.title="web shop" \
      org.opencontainers.image.version=1.4.2 maintainer='ops team'
ENV NODE_ENV=production PORT=3000 \
    HOME=/home/node
WORKDIR /usr/src/app
COPY --from=deps /usr/src/app/node_modules ./node_modules
COPY --chown=node:node . .
USER node
EXPOSE ${PORT} 9229/tcp
HEALTHCHECK --interval=30s --timeout=5s --start-period=1m30s --retries=3 \
  CMD node healthcheck.js || exit 1
CMD [ "node", "server.js" ]
