#!/usr/bin/env bash
# Installs what the packaging tiers need, on top of scripts/setup (which made .venv):
#   fast tier (every CI run): msitools + wixl (build and read MSIs), wine (msiexec), xvfb,
#                             PyInstaller in .venv (freeze the app on Linux);
#   --full (wine-e2e.sh):     also mingw-w64 (test-only stub DLLs for the Wine prefix).
# Idempotent and quick when everything is there (dpkg-query and pip metadata only).
set -euo pipefail
cd "$(dirname "$0")/.."

# One pin for every freeze: the Linux fast tier, wine-e2e.sh and the Windows workflow.
PYINSTALLER_PIN="pyinstaller==6.22.3"

APT_PACKAGES=(msitools wixl wine wine64 xvfb xauth)
[[ ${1:-} == --full ]] && APT_PACKAGES+=(gcc-mingw-w64-x86-64-posix)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  echo "setup-tools: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [[ ! -x .venv/bin/python ]]; then
  ./scripts/setup
fi
pyinstaller_version() {
  .venv/bin/python -c 'import importlib.metadata as m; print(m.version("pyinstaller"))' 2>/dev/null || true
}
if [[ $(pyinstaller_version) != "${PYINSTALLER_PIN#*==}" ]]; then
  echo "setup-tools: installing $PYINSTALLER_PIN into .venv"
  .venv/bin/python -m pip install -q "$PYINSTALLER_PIN" 2>&1 | grep -v "^WARNING: Location" || true
  [[ $(pyinstaller_version) == "${PYINSTALLER_PIN#*==}" ]] || {
    echo "setup-tools: installing $PYINSTALLER_PIN failed" >&2
    exit 1
  }
fi
echo "setup-tools: ready"
