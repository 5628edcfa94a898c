#!/usr/bin/env bash
# Installs what the tests read documents with, when missing: poppler-utils (pdftotext, pdfinfo)
# and LibreOffice Writer (opens the DOCX/ODT exports). Exits non-zero, saying how, when it cannot.
set -u
missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; fi
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
  echo "Installation de ${missing[*]} (lecture des PDF et des exports dans les tests)…"
  $SUDO apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && exit 0
fi
echo "Il manque ${missing[*]} pour les tests : sudo apt-get install ${missing[*]}" >&2
exit 1
