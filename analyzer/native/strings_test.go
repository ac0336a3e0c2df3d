package native

import (
	"reflect"
	"testing"
)

func TestStrings(t *testing.T) {
	b := []byte("\x7fELF\x00\x01/sys/class/net/wlan0/address\x00ro.serialno\x00ab\x00ro.serialno\x00getprop\tx\xff" + "tail-without-nul")
	got := Strings(b, 4, 64, 100)
	// "ELF" and "ab" are shorter than 4; the repeated "ro.serialno" comes once.
	want := []string{"/sys/class/net/wlan0/address", "ro.serialno", "getprop\tx", "tail-without-nul"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Strings = %q\nwant      %q", got, want)
	}
	if got := Strings(b, 4, 8, 2); !reflect.DeepEqual(got, []string{"/sys/cla", "ro.seria"}) {
		t.Fatalf("bounded Strings = %q", got)
	}
}

func FuzzStrings(f *testing.F) {
	f.Add([]byte("\x00\x00/proc/net/arp\x00android_id\x00"), 4, 16, 8)
	f.Fuzz(func(t *testing.T, b []byte, minLen, maxLen, maxCount int) {
		if minLen < 1 || minLen > 64 || maxLen < minLen || maxLen > 4096 || maxCount < 0 || maxCount > 1000 {
			return
		}
		got := Strings(b, minLen, maxLen, maxCount)
		if len(got) > maxCount {
			t.Fatalf("%d strings, max %d", len(got), maxCount)
		}
		seen := map[string]bool{}
		for _, s := range got {
			if len(s) < minLen || len(s) > maxLen || seen[s] {
				t.Fatalf("string %q breaks the bounds [%d,%d] or repeats", s, minLen, maxLen)
			}
			seen[s] = true
		}
	})
}
