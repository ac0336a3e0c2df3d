#!/bin/sh
# Rebuilds ../libs/vendor-share.aar from these stand-in files (no vendor code).
set -e
cd "$(dirname "$0")"
out=$(mktemp -d)
mkdir -p "$out/classes" "$out/aar"
javac --release 8 -d "$out/classes" $(find java -name '*.java') 2>/dev/null || javac -d "$out/classes" $(find java -name '*.java')
cp -r aar/. "$out/aar/"
jar --create --date=2024-01-01T00:00:00Z --no-manifest --file "$out/aar/classes.jar" -C "$out/classes" .
jar --create --date=2024-01-01T00:00:00Z --no-manifest --file ../libs/vendor-share.aar -C "$out/aar" .
rm -rf "$out"
