#!/usr/bin/env bash
# Installs the system packages the test suite drives, with apt-get, only when missing:
# Debian's chromium, chromium-headless-shell (the same Chromium without the browser around it, which
# most browser tests run in) and firefox-esr (the browsers under test), coturn (the real TURN server), iproute2
# (`ip`, which the runner uses to bring up loopback in its private network namespace) and nftables
# (`nft`, the NAT routers of the simulated-NAT test) and haproxy (the proxy in front of the broker
# shards in the topology test).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/chromium/chromium-headless-shell ] || missing+=(chromium-headless-shell)
command -v firefox-esr >/dev/null 2>&1 || [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
command -v turnserver >/dev/null 2>&1 || missing+=(coturn)
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || missing+=(nftables)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "system packages: chromium, chromium-headless-shell, firefox-esr, coturn, iproute2, nftables and haproxy are installed"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "system packages: installing ${missing[*]} with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
