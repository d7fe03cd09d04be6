#!/usr/bin/env bash
# Builds the hvmanager MSI from a PyInstaller onedir folder, on Linux, with wixl (msitools).
#
#   packaging/windows/build-msi.sh DIST VERSION [OUTPUT]
#
# DIST     the onedir folder holding hvmanager.exe (dist/hvmanager from hvmanager.spec)
# VERSION  the product version, x.y.z (MSI major upgrades compare the first three fields)
# OUTPUT   the .msi to write (default: dist/hvmanager-VERSION-x64.msi beside DIST's parent)
#
# The one build script for every MSI: the packaging tests (dummy payload), wine-e2e.sh and the
# release workflow (.github/workflows/windows-msi.yml) all call it. Needs wixl and wixl-heat
# (apt: wixl); ICON overrides the icon (default resources/windows/hvmanager.ico).
set -euo pipefail

if (($# < 2 || $# > 3)); then
  echo "usage: $0 DIST VERSION [OUTPUT]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist=$(cd "$1" && pwd)
version=$2
output=${3:-$(dirname "$dist")/hvmanager-$version-x64.msi}
icon=${ICON:-$root/resources/windows/hvmanager.ico}

if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "build-msi: VERSION must be x.y.z, got '$version'" >&2
  exit 2
fi
if [[ ! -f $dist/hvmanager.exe ]]; then
  echo "build-msi: $dist/hvmanager.exe not found (DIST must be the onedir folder)" >&2
  exit 2
fi
for tool in wixl wixl-heat; do
  command -v "$tool" >/dev/null || { echo "build-msi: $tool not found (apt: wixl)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A sorted list keeps the generated ids stable; Guid="*" derives each component's GUID from its
# install path, so the same file keeps its component across releases.
(cd "$dist" && find . -type f | LC_ALL=C sort | sed "s|^\./|$dist/|") |
  wixl-heat --prefix "$dist/" --directory-ref INSTALLDIR --component-group CG.AppFiles \
    --var var.SourceDir --win64 >"$work/files.wxs"

# wixl resolves File/@Source relative to the current directory and rejects absolute paths:
# build inside the work directory with links to the payload and the icon.
ln -s "$dist" "$work/payload"
cp "$icon" "$work/hvmanager.ico"
cp "$here/hvmanager.wxs" "$work/hvmanager.wxs"
mkdir -p "$(dirname "$output")"
output=$(cd "$(dirname "$output")" && pwd)/$(basename "$output")
(cd "$work" && wixl -a x64 -D Win64=yes -D "Version=$version" -D SourceDir=payload \
  -D IconFile=hvmanager.ico -o "$output" hvmanager.wxs files.wxs)
echo "build-msi: $output ($(du -h "$output" | cut -f1), $(grep -c '<File ' "$work/files.wxs") files)"
