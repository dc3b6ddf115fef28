# syntax=docker/dockerfile:1

# Build stage: all dependencies, compile TypeScript to dist/.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# patches/ before installing: `npm ci` applies them (postinstall: patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies only, non-root.
FROM node:24-slim AS runtime
# SHUTDOWN_TIMEOUT_MS stays under `docker stop`'s default 10 s grace, so in-flight operations finish and the
# upstream pool closes before Docker sends SIGKILL (raise both together: `docker stop -t`, Kubernetes'
# terminationGracePeriodSeconds). It includes SHUTDOWN_DELAY_MS (3 s by default), the time /ready answers 503
# while the gateway still serves, before it stops listening.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    LOG_LEVEL=info \
    SHUTDOWN_TIMEOUT_MS=8000
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# No install scripts of any package run here; the project's own patches (patches/README.md) are applied explicitly.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npx --no-install patch-package --error-on-fail \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 without a shell in between, so SIGTERM reaches the graceful shutdown handler directly.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
