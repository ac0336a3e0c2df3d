#!/bin/sh
# Rebuilds testdata/apk/*.apk from testdata/fixtures/<name>/ (AndroidManifest.xml,
# res/, smali/ or a SMALI_FROM file naming the fixture whose smali/ it reuses,
# optional assets/) with Debian's aapt, smali, zipalign and apksigner, signed with
# the committed test key. `make fixtures` runs it; the APKs are committed so tests
# never need these tools. Arguments name the fixtures to build (default: all), e.g.
# `testdata/build-fixtures.sh kids`.
set -eu
cd "$(dirname "$0")"
FW=${FRAMEWORK_RES:-/usr/share/android-framework-res/framework-res.apk}
KEY=fixtures/keys/test.p12
OUT=apk
mkdir -p "$OUT"
for tool in aapt smali zipalign apksigner; do
	command -v "$tool" >/dev/null 2>&1 || { echo "build-fixtures: $tool not found (make tools)" >&2; exit 1; }
done
[ -f "$FW" ] || { echo "build-fixtures: $FW not found (apt-get install android-framework-res)" >&2; exit 1; }

dirs=""
if [ $# -gt 0 ]; then
	for name in "$@"; do
		[ -f "fixtures/$name/AndroidManifest.xml" ] || { echo "build-fixtures: no fixture $name" >&2; exit 1; }
		dirs="$dirs fixtures/$name/"
	done
else
	dirs=$(ls -d fixtures/*/)
fi
for dir in $dirs; do
	name=$(basename "$dir")
	[ "$name" = keys ] && continue
	[ -f "$dir/AndroidManifest.xml" ] || continue
	tmp=$(mktemp -d)
	assets=""
	[ -d "$dir/assets" ] && assets="-A $dir/assets"
	# shellcheck disable=SC2086
	aapt package -f -M "$dir/AndroidManifest.xml" -S "$dir/res" $assets -I "$FW" -F "$tmp/unsigned.apk"
	# A variant fixture may reuse another fixture's code: SMALI_FROM names it.
	src="$dir/smali"
	[ -f "$dir/SMALI_FROM" ] && src="fixtures/$(cat "$dir/SMALI_FROM")/smali"
	smali a "$src" -o "$tmp/classes.dex"
	# A fixed entry time makes the APK depend only on its sources (aapt's entries and
	# apksigner's META-INF already carry fixed or copied times).
	TZ=UTC touch -t 198001010000 "$tmp/classes.dex"
	(cd "$tmp" && TZ=UTC zip -q -X unsigned.apk classes.dex)
	zipalign -f 4 "$tmp/unsigned.apk" "$tmp/aligned.apk"
	apksigner sign --ks "$KEY" --ks-pass pass:hegui-test --key-pass pass:hegui-test --ks-key-alias hegui-test \
		--out "$OUT/$name.apk" "$tmp/aligned.apk"
	rm -f "$OUT/$name.apk.idsig"
	rm -rf "$tmp"
	echo "built $OUT/$name.apk ($(wc -c <"$OUT/$name.apk") bytes)"
done
