package pipeline

import (
	"sort"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/report"
)

const ap = "android.permission."

// dangerous are runtime ("dangerous" protection level) permissions of the platform.
var dangerous = setOf(
	"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION", "ACCESS_BACKGROUND_LOCATION", "ACCESS_MEDIA_LOCATION",
	"READ_PHONE_STATE", "READ_PHONE_NUMBERS", "CALL_PHONE", "ANSWER_PHONE_CALLS", "ADD_VOICEMAIL", "USE_SIP",
	"READ_CALL_LOG", "WRITE_CALL_LOG", "PROCESS_OUTGOING_CALLS", "READ_CONTACTS", "WRITE_CONTACTS", "GET_ACCOUNTS",
	"READ_SMS", "SEND_SMS", "RECEIVE_SMS", "RECEIVE_MMS", "RECEIVE_WAP_PUSH", "READ_CALENDAR", "WRITE_CALENDAR",
	"CAMERA", "RECORD_AUDIO", "READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE", "READ_MEDIA_IMAGES",
	"READ_MEDIA_VIDEO", "READ_MEDIA_AUDIO", "READ_MEDIA_VISUAL_USER_SELECTED", "BODY_SENSORS",
	"BODY_SENSORS_BACKGROUND", "ACTIVITY_RECOGNITION", "BLUETOOTH_SCAN", "BLUETOOTH_CONNECT",
	"BLUETOOTH_ADVERTISE", "NEARBY_WIFI_DEVICES", "UWB_RANGING", "POST_NOTIFICATIONS",
)

// special are permissions granted in system settings rather than a runtime dialog.
var special = setOf(
	"SYSTEM_ALERT_WINDOW", "WRITE_SETTINGS", "MANAGE_EXTERNAL_STORAGE", "REQUEST_INSTALL_PACKAGES",
	"PACKAGE_USAGE_STATS", "QUERY_ALL_PACKAGES", "BIND_ACCESSIBILITY_SERVICE", "BIND_NOTIFICATION_LISTENER_SERVICE",
	"SCHEDULE_EXACT_ALARM", "MANAGE_MEDIA", "REQUEST_IGNORE_BATTERY_OPTIMIZATIONS", "BIND_DEVICE_ADMIN",
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[ap+n] = true
	}
	return m
}

// permissions lists the app's permissions with the PI each reaches and whether the
// policy discloses that PI (nil without a policy, or when the permission reaches no PI).
// users maps a permission to the owners whose code calls an API it gates.
func permissions(f *analyzer.Facts, users map[string][]string, pol *policy.Facts) []report.Permission {
	seen := map[string]bool{}
	var out []report.Permission
	for _, p := range f.App.Permissions {
		if seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		rp := report.Permission{Name: p.Name, Dangerous: dangerous[p.Name], Special: special[p.Name]}
		key, name, isPI := category(p.Name)
		rp.PI, rp.PICategory = name, key
		if isPI && policyOrNil(pol) != nil {
			d, denied, ev := disclosed(pol, key, p.Name)
			rp.Disclosed, rp.Denied, rp.Evidence = &d, denied, ev
		}
		rp.UsedBy = users[p.Name]
		out = append(out, rp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// category maps a permission to the policy package's PI category (the table the
// policy reader discloses against): key, zh name, and whether it is personal
// information (自启动, 悬浮窗 … are capabilities, not PI).
func category(perm string) (key, name string, isPI bool) {
	key = policy.CategoryForPermission(perm)
	if key == "" {
		return "", "", false
	}
	c, ok := policy.CategoryByKey(key)
	if !ok {
		return key, key, true
	}
	return key, c.Name, !c.NotPI
}

// disclosed says whether the policy discloses the PI perm reaches, with the
// sentence that proves it. A category the policy only mentions to deny collecting
// it ("我们不会收集您的通讯录") is not disclosed: denied is then true and the
// sentence is the denial, which contradicts the permission request. It is
// checks.DisclosureOf, POL-012's own test, so the table never contradicts a finding.
func disclosed(pol *policy.Facts, _, perm string) (ok, denied bool, sentence string) {
	d, _ := checks.DisclosureOf(pol, perm)
	if d.Evidence != nil {
		sentence = d.Evidence.Sentence
	}
	return d.Disclosed, d.Denied, sentence
}
