package checks

import (
	"slices"
	"strings"

	"github.com/hegui-dev/hegui/policy"
)

// piCategory is a kind of personal information with the words a policy uses for it.
// It is policy/categories.go's row (the one permission → PI → keyword table, §7)
// plus what checks adds in piExtras.
type piCategory struct {
	Key       string
	NameZH    string
	Name      string
	Aliases   []string // other policy category keys that also disclose it
	Keywords  []string
	Sensitive bool // PIPL 28: sensitive PI
}

// piExtra is what a disclosure test accepts besides the policy reader's own
// category: keys that also count (a policy disclosing 设备信息 covers the MAC and
// Android ID) and looser words a disclosure sentence may use.
type piExtra struct {
	Aliases  []string
	Keywords []string
}

var piExtras = map[string]piExtra{
	"location":             {Aliases: []string{"precise_location", "coarse_location", "background_location"}},
	"photo_location":       {Aliases: []string{"media_location"}},
	"device_id":            {Aliases: []string{"phone_state", "imei"}},
	"mac":                  {Aliases: []string{"device_id"}, Keywords: []string{"MAC 地址"}},
	"android_id":           {Aliases: []string{"device_id"}},
	"wifi":                 {Aliases: []string{"network"}},
	"call_phone":           {Aliases: []string{"calls"}, Keywords: []string{"电话权限"}},
	"accounts":             {Keywords: []string{"账户信息"}},
	"sms":                  {Keywords: []string{"短信"}},
	"camera":               {Aliases: []string{"photos"}},
	"microphone":           {Aliases: []string{"audio"}},
	"storage":              {Aliases: []string{"photos", "media", "files"}, Keywords: []string{"存储"}},
	"body_sensors":         {Aliases: []string{"health"}},
	"activity_recognition": {Aliases: []string{"activity"}},
	"app_list":             {Aliases: []string{"installed_apps", "applist"}},
}

// piCategories are the PI categories of the policy table, in its order.
var piCategories = func() []piCategory {
	var out []piCategory
	for _, c := range policy.Categories() {
		if c.NotPI {
			continue
		}
		x := piExtras[c.Key]
		out = append(out, piCategory{Key: c.Key, NameZH: c.Name, Name: c.NameEN, Sensitive: c.Sensitive,
			Aliases: x.Aliases, Keywords: append(append([]string(nil), c.Keywords...), x.Keywords...)})
	}
	return out
}()

func piCategoryByKey(key string) *piCategory {
	for i := range piCategories {
		if piCategories[i].Key == key {
			return &piCategories[i]
		}
	}
	return nil
}

// privacyPermission is a permission that reaches personal information, with the
// policy table's category a policy must disclose for it.
type privacyPermission struct {
	Name string // full name
	PI   string // piCategory key
}

// privacyPermissions are the permissions POL-012, MIN-001 and CON-009 judge: the
// TC260 dangerous groups and the app-list permissions. Their PI category comes from
// the policy table.
var privacyPermissions = []string{
	"android.permission.ACCESS_FINE_LOCATION",
	"android.permission.ACCESS_COARSE_LOCATION",
	"android.permission.ACCESS_BACKGROUND_LOCATION",
	"android.permission.ACCESS_MEDIA_LOCATION",
	"android.permission.READ_PHONE_STATE",
	"android.permission.READ_PHONE_NUMBERS",
	"android.permission.CALL_PHONE",
	"android.permission.ANSWER_PHONE_CALLS",
	"android.permission.READ_CALL_LOG",
	"android.permission.WRITE_CALL_LOG",
	"android.permission.PROCESS_OUTGOING_CALLS",
	"android.permission.READ_CONTACTS",
	"android.permission.WRITE_CONTACTS",
	"android.permission.GET_ACCOUNTS",
	"android.permission.READ_SMS",
	"android.permission.RECEIVE_SMS",
	"android.permission.SEND_SMS",
	"android.permission.RECEIVE_MMS",
	"android.permission.RECEIVE_WAP_PUSH",
	"android.permission.READ_CALENDAR",
	"android.permission.WRITE_CALENDAR",
	"android.permission.CAMERA",
	"android.permission.RECORD_AUDIO",
	"android.permission.READ_EXTERNAL_STORAGE",
	"android.permission.WRITE_EXTERNAL_STORAGE",
	"android.permission.MANAGE_EXTERNAL_STORAGE",
	"android.permission.READ_MEDIA_IMAGES",
	"android.permission.READ_MEDIA_VIDEO",
	"android.permission.READ_MEDIA_AUDIO",
	"android.permission.READ_MEDIA_VISUAL_USER_SELECTED",
	"android.permission.BODY_SENSORS",
	"android.permission.BODY_SENSORS_BACKGROUND",
	"android.permission.ACTIVITY_RECOGNITION",
	"android.permission.BLUETOOTH_SCAN",
	"android.permission.BLUETOOTH_CONNECT",
	"android.permission.NEARBY_WIFI_DEVICES",
	"android.permission.QUERY_ALL_PACKAGES",
	"com.android.permission.GET_INSTALLED_APPS",
}

func lookupPrivacyPermission(name string) (privacyPermission, bool) {
	if !slices.Contains(privacyPermissions, name) {
		return privacyPermission{}, false
	}
	key := policy.CategoryForPermission(name)
	if piCategoryByKey(key) == nil {
		return privacyPermission{}, false
	}
	return privacyPermission{name, key}, true
}

// shortPerm drops the "android.permission." prefix for messages.
func shortPerm(name string) string { return strings.TrimPrefix(name, "android.permission.") }

// apisNeeding returns the sensitive-API keys that a permission is needed for.
func apisNeeding(perm string) []*apiSpec {
	var out []*apiSpec
	for i := range sensitiveAPIs {
		for _, p := range sensitiveAPIs[i].Perms {
			if p == perm {
				out = append(out, &sensitiveAPIs[i])
				break
			}
		}
	}
	return out
}
