#!/bin/sh
# Rebuilds analyzer/testdata/fixture.apk from fixture/ with Debian's aapt and smali.
# The APK is committed; run this only after changing the sources.
set -eu
cd "$(dirname "$0")"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
aapt package -f -M fixture/AndroidManifest.xml -S fixture/res -A fixture/assets \
	-I /usr/share/android-framework-res/framework-res.apk -F "$T/fixture.apk"
smali a fixture/smali -o "$T/classes.dex"
cp "$T/classes.dex" "$T/classes4.dex"               # after a gap: Android never loads it
printf 'dex\n035\000truncated' > "$T/classes2.dex"   # broken DEX
mkdir -p "$T/assets" "$T/lib/arm64-v8a" "$T/lib/x86"
cp "$T/classes.dex" "$T/assets/payload.bin"          # DEX disguised as data
printf '\177ELF\002\001\001\000xx\000https://sdk.example.cn/collect\000getDeviceId\000ab\000' > "$T/lib/arm64-v8a/libfixture.so"
cp "$T/lib/arm64-v8a/libfixture.so" "$T/lib/x86/libfixture.so"
(cd "$T" && zip -q -X fixture.apk classes.dex classes2.dex classes4.dex assets/payload.bin \
	lib/arm64-v8a/libfixture.so lib/x86/libfixture.so)
cp "$T/fixture.apk" fixture.apk
