#!/usr/bin/env bash
# Installs Debian's chromium-headless-shell (and fonts for PDFs) when it is missing.
# Exits non-zero, saying how to get it, when it cannot install (not root, no apt-get).
set -u
have() { command -v chromium-headless-shell >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium-headless-shell ] || [ -n "${CHROME_PATH:-}" ]; }
have && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; fi
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
  echo "Installation de chromium-headless-shell (impression PDF, tests navigateur)…"
  $SUDO apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium-headless-shell fonts-dejavu-core fonts-liberation >/dev/null && have && exit 0
fi
cat >&2 <<'MSG'
Chromium est introuvable : l'application fonctionne, mais l'impression PDF et les tests navigateur en ont besoin.
Installez-le avec :  sudo apt-get install chromium-headless-shell fonts-dejavu-core
(ou indiquez un autre Chromium avec la variable CHROME_PATH).
MSG
exit 1
