#!/bin/sh
# Rebuilds analyzer/testdata/fixture.aab, an Android App Bundle with a base module
# (fixture/ plus aab/smali as classes2.dex) and a "camera" dynamic feature module
# (aab/camera/), and fixture-aab.apk, the same base built as an APK, with Debian's
# aapt2, smali, zipalign, apksigner and Java's jarsigner. Both are committed; run
# this only after changing the sources.
set -eu
cd "$(dirname "$0")"
FW=${FRAMEWORK_RES:-/usr/share/android-framework-res/framework-res.apk}
KEY=../../testdata/fixtures/keys/test.p12
PASS=hegui-test
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# Debian's aapt2 predates <queries>: validation problems are warnings.
LINK="-I $FW --warn-manifest-validation"
aapt2 compile --dir fixture/res -o "$T/res.zip"
aapt2 link --proto-format -o "$T/base.zip" $LINK --manifest fixture/AndroidManifest.xml -A fixture/assets "$T/res.zip"
aapt2 link -o "$T/app.apk" $LINK --manifest fixture/AndroidManifest.xml -A fixture/assets "$T/res.zip"
aapt2 link --proto-format -o "$T/camera.zip" $LINK --manifest aab/camera/AndroidManifest.xml
smali a fixture/smali -o "$T/classes.dex"
smali a aab/smali -o "$T/classes2.dex"
smali a aab/camera/smali -o "$T/camera.dex"
printf '\177ELF\002\001\001\000xx\000https://sdk.example.cn/collect\000getDeviceId\000ab\000' > "$T/libfixture.so"

# The bundle: entries where bundletool expects them.
B="$T/bundle"
mkdir -p "$B/base/manifest" "$B/base/dex" "$B/base/lib/arm64-v8a" "$B/camera/manifest" "$B/camera/dex" \
	"$B/BUNDLE-METADATA/com.android.tools.build.obfuscation"
(cd "$B/base" && unzip -q "$T/base.zip" && mv AndroidManifest.xml manifest/)
(cd "$B/camera/manifest" && unzip -q "$T/camera.zip" AndroidManifest.xml)
cp "$T/classes.dex" "$T/classes2.dex" "$B/base/dex/"
cp "$T/camera.dex" "$B/camera/dex/classes.dex"
cp "$T/libfixture.so" "$B/base/lib/arm64-v8a/"
: > "$B/BundleConfig.pb"
echo 'com.hegui.fixture.App -> a:' > "$B/BUNDLE-METADATA/com.android.tools.build.obfuscation/proguard.map"
rm -f fixture.aab
(cd "$B" && zip -q -X -D -r "$T/fixture.aab" BundleConfig.pb BUNDLE-METADATA base camera)
jarsigner -keystore "$KEY" -storetype PKCS12 -storepass "$PASS" -sigalg SHA256withRSA -digestalg SHA-256 \
	"$T/fixture.aab" hegui-test >/dev/null
cp "$T/fixture.aab" fixture.aab

# The equivalent APK of the base module.
mkdir -p "$T/apk/lib/arm64-v8a"
cp "$T/classes.dex" "$T/classes2.dex" "$T/apk/"
cp "$T/libfixture.so" "$T/apk/lib/arm64-v8a/"
(cd "$T/apk" && zip -q -X "$T/app.apk" classes.dex classes2.dex lib/arm64-v8a/libfixture.so)
zipalign -f 4 "$T/app.apk" "$T/aligned.apk"
apksigner sign --ks "$KEY" --ks-pass pass:$PASS --key-pass pass:$PASS --ks-key-alias hegui-test \
	--out fixture-aab.apk "$T/aligned.apk"
rm -f fixture-aab.apk.idsig
echo "built fixture.aab ($(wc -c <fixture.aab) bytes), fixture-aab.apk ($(wc -c <fixture-aab.apk) bytes)"
