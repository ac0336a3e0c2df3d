#!/bin/sh
# Rebuilds ../libs/msa-oaid-stub.jar from these stand-in sources (no vendor code).
set -e
cd "$(dirname "$0")"
out=$(mktemp -d)
javac --release 8 -d "$out" $(find com -name '*.java') 2>/dev/null || javac -d "$out" $(find com -name '*.java')
jar --create --date=2024-01-01T00:00:00Z --file ../libs/msa-oaid-stub.jar -C "$out" .
rm -rf "$out"
