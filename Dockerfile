# Livret: one binary; the runtime image adds only Chromium (PDF printing) and fonts.
FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV GOTOOLCHAIN=local CGO_ENABLED=0
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /out/livret .

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium-headless-shell fonts-dejavu-core \
      fonts-liberation ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data livret \
 && mkdir -p /data && chown livret /data
COPY --from=build /out/livret /usr/local/bin/livret
ENV CHROME_PATH=/usr/bin/chromium-headless-shell
USER livret
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8090
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD curl -fsS http://127.0.0.1:8090/api/health || exit 1
ENTRYPOINT ["/usr/local/bin/livret"]
CMD ["serve", "--http=0.0.0.0:8090", "--dir=/data"]
