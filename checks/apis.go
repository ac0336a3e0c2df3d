package checks

import (
	"sort"
	"strings"
)

// apiSpec is one sensitive framework (or location-SDK) member from
// regulations.md §9, matched by class and member name across all overloads.
type apiSpec struct {
	Key    string   // stable: "imei", "app_list", … (used in fingerprints)
	PI     string   // piCategory key the policy must disclose
	NameZH string   // what it reads, for messages
	Class  string   // dotted
	Member []string // method or field names
	Field  bool     // Member are fields (sget-object) rather than methods
	// ClassPrefix matches every class under Class (ContactsContract$PhoneLookup …).
	ClassPrefix bool
	// NeedString restricts a match to methods that also load one of these strings
	// (Settings.Secure.getString is only an ID read with "android_id").
	NeedString []string
	Perms      []string // permissions that gate it (for "declared but unused")
}

var sensitiveAPIs = []apiSpec{
	{Key: "imei", PI: "device_id", NameZH: "IMEI", Class: "android.telephony.TelephonyManager", Member: []string{"getDeviceId", "getImei"}, Perms: permPhone},
	{Key: "meid", PI: "device_id", NameZH: "MEID", Class: "android.telephony.TelephonyManager", Member: []string{"getMeid"}, Perms: permPhone},
	{Key: "imsi", PI: "device_id", NameZH: "IMSI", Class: "android.telephony.TelephonyManager", Member: []string{"getSubscriberId"}, Perms: permPhone},
	{Key: "iccid", PI: "device_id", NameZH: "ICCID（SIM卡序列号）", Class: "android.telephony.TelephonyManager", Member: []string{"getSimSerialNumber"}, Perms: permPhone},
	{Key: "iccid", PI: "device_id", NameZH: "ICCID（SIM卡序列号）", Class: "android.telephony.SubscriptionInfo", Member: []string{"getIccId"}, Perms: permPhone},
	{Key: "serial", PI: "device_id", NameZH: "设备序列号", Class: "android.os.Build", Member: []string{"getSerial"}, Perms: permPhone},
	{Key: "serial", PI: "device_id", NameZH: "设备序列号", Class: "android.os.Build", Member: []string{"SERIAL"}, Field: true},
	{Key: "mac", PI: "mac", NameZH: "MAC地址", Class: "android.net.wifi.WifiInfo", Member: []string{"getMacAddress"}, Perms: []string{"android.permission.ACCESS_WIFI_STATE"}},
	{Key: "mac", PI: "mac", NameZH: "MAC地址", Class: "java.net.NetworkInterface", Member: []string{"getHardwareAddress"}},
	{Key: "mac", PI: "mac", NameZH: "蓝牙MAC地址", Class: "android.bluetooth.BluetoothAdapter", Member: []string{"getAddress"}},
	{Key: "phone_number", PI: "phone_number", NameZH: "本机号码", Class: "android.telephony.TelephonyManager", Member: []string{"getLine1Number"}, Perms: []string{"android.permission.READ_PHONE_NUMBERS", "android.permission.READ_PHONE_STATE", "android.permission.READ_SMS"}},
	{Key: "phone_state", PI: "device_id", NameZH: "通话状态", Class: "android.telephony.TelephonyManager", Member: []string{"listen", "getCallState"}, Perms: permPhone},
	{Key: "subscriptions", PI: "device_id", NameZH: "SIM卡信息", Class: "android.telephony.SubscriptionManager", Member: []string{"getActiveSubscriptionInfoList"}, Perms: permPhone},
	{Key: "android_id", PI: "android_id", NameZH: "Android ID", Class: "android.provider.Settings$Secure", Member: []string{"getString"}, NeedString: []string{"android_id"}},
	{Key: "android_id", PI: "android_id", NameZH: "Android ID", Class: "android.provider.Settings$Secure", Member: []string{"ANDROID_ID"}, Field: true},
	{Key: "wifi", PI: "wifi", NameZH: "WLAN信息（SSID/BSSID/扫描结果）", Class: "android.net.wifi.WifiInfo", Member: []string{"getSSID", "getBSSID"}, Perms: []string{"android.permission.ACCESS_WIFI_STATE"}},
	{Key: "wifi", PI: "wifi", NameZH: "WLAN信息（SSID/BSSID/扫描结果）", Class: "android.net.wifi.WifiManager", Member: []string{"getScanResults", "getConfiguredNetworks"}, Perms: []string{"android.permission.ACCESS_WIFI_STATE"}},
	{Key: "cell_location", PI: "location", NameZH: "基站位置", Class: "android.telephony.TelephonyManager", Member: []string{"getAllCellInfo", "getCellLocation", "getNeighboringCellInfo"}, Perms: permLocation},
	{Key: "location", PI: "location", NameZH: "位置信息", Class: "android.location.LocationManager", Member: []string{"getLastKnownLocation", "requestLocationUpdates", "requestSingleUpdate", "getCurrentLocation"}, Perms: permLocation},
	{Key: "location", PI: "location", NameZH: "位置信息", Class: "com.google.android.gms.location.FusedLocationProviderClient", Member: []string{"getLastLocation", "requestLocationUpdates", "getCurrentLocation"}, Perms: permLocation},
	{Key: "location", PI: "location", NameZH: "位置信息", Class: "com.amap.api.location.AMapLocationClient", Member: []string{"startLocation"}, Perms: permLocation},
	{Key: "location", PI: "location", NameZH: "位置信息", Class: "com.baidu.location.LocationClient", Member: []string{"start", "requestLocation"}, Perms: permLocation},
	{Key: "location", PI: "location", NameZH: "位置信息", Class: "com.tencent.map.geolocation.TencentLocationManager", Member: []string{"requestLocationUpdates", "requestSingleFreshLocation"}, Perms: permLocation},
	{Key: "app_list", PI: "app_list", NameZH: "软件安装列表", Class: "android.content.pm.PackageManager", Member: []string{"getInstalledPackages", "getInstalledApplications", "getInstalledPackagesAsUser"}},
	{Key: "clipboard", PI: "clipboard", NameZH: "剪切板内容", Class: "android.content.ClipboardManager", Member: []string{"getPrimaryClip", "getText"}},
	{Key: "clipboard", PI: "clipboard", NameZH: "剪切板内容", Class: "android.text.ClipboardManager", Member: []string{"getText"}},
	{Key: "contacts", PI: "contacts", NameZH: "通讯录", Class: "android.provider.ContactsContract$", ClassPrefix: true, Member: []string{"CONTENT_URI", "CONTENT_FILTER_URI", "CONTENT_LOOKUP_URI"}, Field: true, Perms: []string{"android.permission.READ_CONTACTS", "android.permission.WRITE_CONTACTS"}},
	{Key: "call_log", PI: "call_log", NameZH: "通话记录", Class: "android.provider.CallLog$Calls", Member: []string{"CONTENT_URI", "CONTENT_FILTER_URI"}, Field: true, Perms: []string{"android.permission.READ_CALL_LOG", "android.permission.WRITE_CALL_LOG"}},
	{Key: "sms", PI: "sms", NameZH: "短信", Class: "android.provider.Telephony$", ClassPrefix: true, Member: []string{"CONTENT_URI"}, Field: true, Perms: []string{"android.permission.READ_SMS", "android.permission.RECEIVE_SMS"}},
	{Key: "sms_send", PI: "sms", NameZH: "发送短信", Class: "android.telephony.SmsManager", Member: []string{"sendTextMessage", "sendMultipartTextMessage"}, Perms: []string{"android.permission.SEND_SMS"}},
	{Key: "calendar", PI: "calendar", NameZH: "日历", Class: "android.provider.CalendarContract$", ClassPrefix: true, Member: []string{"CONTENT_URI"}, Field: true, Perms: []string{"android.permission.READ_CALENDAR", "android.permission.WRITE_CALENDAR"}},
	{Key: "accounts", PI: "accounts", NameZH: "设备账户", Class: "android.accounts.AccountManager", Member: []string{"getAccounts", "getAccountsByType"}, Perms: []string{"android.permission.GET_ACCOUNTS"}},
	{Key: "camera", PI: "camera", NameZH: "相机", Class: "android.hardware.Camera", Member: []string{"open"}, Perms: []string{"android.permission.CAMERA"}},
	{Key: "camera", PI: "camera", NameZH: "相机", Class: "android.hardware.camera2.CameraManager", Member: []string{"openCamera"}, Perms: []string{"android.permission.CAMERA"}},
	{Key: "camera", PI: "camera", NameZH: "相机", Class: "androidx.camera.lifecycle.ProcessCameraProvider", Member: []string{"bindToLifecycle"}, Perms: []string{"android.permission.CAMERA"}},
	{Key: "microphone", PI: "microphone", NameZH: "麦克风录音", Class: "android.media.AudioRecord", Member: []string{"startRecording"}, Perms: []string{"android.permission.RECORD_AUDIO"}},
	{Key: "microphone", PI: "microphone", NameZH: "麦克风录音", Class: "android.media.MediaRecorder", Member: []string{"setAudioSource"}, Perms: []string{"android.permission.RECORD_AUDIO"}},
	{Key: "microphone", PI: "microphone", NameZH: "麦克风录音", Class: "android.speech.SpeechRecognizer", Member: []string{"startListening"}, Perms: []string{"android.permission.RECORD_AUDIO"}},
	{Key: "sensor", PI: "", NameZH: "传感器（加速度/陀螺仪）", Class: "android.hardware.SensorManager", Member: []string{"registerListener"}},
}

var (
	permPhone    = []string{"android.permission.READ_PHONE_STATE", "android.permission.READ_PRIVILEGED_PHONE_STATE"}
	permLocation = []string{"android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION"}
)

// reflectionIDStrings are const-strings that read unchangeable IDs without a framework
// call (§9 notes 2–3): system properties and sysfs paths.
var reflectionIDStrings = map[string]string{
	"ro.serialno":                  "serial",
	"ro.boot.serialno":             "serial",
	"/sys/class/net/wlan0/address": "mac",
	"/sys/class/net/eth0/address":  "mac",
	"/proc/net/arp":                "mac",
}

// contentURIPrefixes are content-provider URIs of PI, loaded as strings and passed
// to Uri.parse instead of the framework constants.
var contentURIPrefixes = []struct{ prefix, key string }{
	{"content://com.android.contacts", "contacts"},
	{"content://contacts", "contacts"},
	{"content://call_log", "call_log"},
	{"content://sms", "sms"},
	{"content://mms-sms", "sms"},
	{"content://com.android.calendar", "calendar"},
}

// reflectionIDMethods are method names read through reflection when a method both
// loads the name and calls java.lang.Class.getMethod/getDeclaredMethod.
var reflectionIDMethods = map[string]string{
	"getDeviceId":        "imei",
	"getImei":            "imei",
	"getMeid":            "meid",
	"getSubscriberId":    "imsi",
	"getSimSerialNumber": "iccid",
	"getMacAddress":      "mac",
	"getHardwareAddress": "mac",
}

var apiNamesEN = map[string]string{
	"imei": "the IMEI", "meid": "the MEID", "imsi": "the IMSI", "iccid": "the ICCID (SIM serial)", "serial": "the hardware serial number",
	"mac": "a MAC address", "phone_number": "the phone number", "phone_state": "the call state", "subscriptions": "SIM subscriptions",
	"android_id": "the Android ID", "wifi": "Wi-Fi details (SSID/BSSID/scan results)", "cell_location": "the cell location",
	"location": "the location", "app_list": "the installed-app list", "clipboard": "the clipboard", "contacts": "contacts",
	"call_log": "the call log", "sms": "SMS", "sms_send": "SMS sending", "calendar": "the calendar", "accounts": "device accounts",
	"camera": "the camera", "microphone": "the microphone", "sensor": "motion sensors",
}

// nameEN is the English name of what the API reads.
func (s *apiSpec) nameEN() string {
	if n, ok := apiNamesEN[s.Key]; ok {
		return n
	}
	return s.Key
}

// apiHit is one sensitive reference found in the code.
type apiHit struct {
	Spec    *apiSpec
	Method  int    // caller, index into codeIndex.methods
	Target  string // "android.telephony.TelephonyManager.getDeviceId" or `const-string "ro.serialno"`
	Line    int
	Reflect bool
}

// findAPIs lists every sensitive reference whose spec passes keep, in a stable
// order, leaving out unused wrappers in utility libraries.
func (e *env) findAPIs(keep func(*apiSpec) bool) []apiHit {
	return e.dropDeadLibraryHits(e.findAPIsRaw(keep))
}

// findAPIsRaw is findAPIs with every reference, used or not: what "is this
// permission needed by any code" asks. The full list is computed once per run.
func (e *env) findAPIsRaw(keep func(*apiSpec) bool) []apiHit {
	if e.hits == nil {
		e.hits = e.scanAPIs()
	}
	var out []apiHit
	for _, h := range e.hits {
		if keep == nil || keep(h.Spec) {
			out = append(out, h)
		}
	}
	return out
}

func (e *env) scanAPIs() []apiHit {
	ix := e.code()
	out := []apiHit{} // non-nil: "computed, none found"
	for i := range sensitiveAPIs {
		sp := &sensitiveAPIs[i]
		for _, mem := range sp.Member {
			var sites []useSite
			var targets []string
			if sp.ClassPrefix {
				for _, k := range ix.refKeysWithPrefix(sp.Class) {
					if k.member == mem {
						for _, u := range ix.refs[k] {
							sites = append(sites, u)
							targets = append(targets, k.String())
						}
					}
				}
			} else {
				for _, u := range ix.users(sp.Class, mem) {
					sites = append(sites, u)
					targets = append(targets, sp.Class+"."+mem)
				}
			}
			for si, u := range sites {
				if u.Field != sp.Field {
					continue
				}
				if len(sp.NeedString) > 0 && !ix.hasString(u.Method, func(s string) bool { return containsAny(s, sp.NeedString) }) {
					continue
				}
				out = append(out, apiHit{Spec: sp, Method: u.Method, Target: targets[si], Line: u.Line})
			}
		}
	}
	out = append(out, e.reflectionHits()...)
	sort.SliceStable(out, func(a, b int) bool {
		ma, mb := ix.methods[out[a].Method], ix.methods[out[b].Method]
		if out[a].Spec.Key != out[b].Spec.Key {
			return out[a].Spec.Key < out[b].Spec.Key
		}
		if ma.display() != mb.display() {
			return ma.display() < mb.display()
		}
		return out[a].Target < out[b].Target
	})
	return out
}

func (e *env) reflectionHits() []apiHit {
	ix := e.code()
	specByKey := map[string]*apiSpec{}
	for i := range sensitiveAPIs {
		if _, ok := specByKey[sensitiveAPIs[i].Key]; !ok {
			specByKey[sensitiveAPIs[i].Key] = &sensitiveAPIs[i]
		}
	}
	var out []apiHit
	strs := make([]string, 0, len(reflectionIDStrings))
	for s := range reflectionIDStrings {
		strs = append(strs, s)
	}
	sort.Strings(strs)
	for _, s := range strs {
		sp := specByKey[reflectionIDStrings[s]]
		for _, id := range ix.strIndex[s] {
			out = append(out, apiHit{Spec: sp, Method: id, Target: `const-string "` + s + `"`, Line: ix.stringLine(id, s), Reflect: true})
		}
	}
	for _, c := range contentURIPrefixes {
		sp := specByKey[c.key]
		for _, str := range ix.stringsWithPrefix(c.prefix) {
			for _, id := range ix.strIndex[str] {
				out = append(out, apiHit{Spec: sp, Method: id, Target: `const-string "` + str + `"`, Line: ix.stringLine(id, str)})
			}
		}
	}
	names := make([]string, 0, len(reflectionIDMethods))
	for s := range reflectionIDMethods {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		sp := specByKey[reflectionIDMethods[s]]
		for _, id := range ix.strIndex[s] {
			if callsAny(ix.methods[id], "java.lang.Class", "getMethod", "getDeclaredMethod") {
				out = append(out, apiHit{Spec: sp, Method: id, Target: `reflection "` + s + `"`, Line: ix.stringLine(id, s), Reflect: true})
			}
		}
	}
	return out
}

func callsAny(m *codeMethod, class string, names ...string) bool {
	for _, c := range m.Calls {
		if c.Class != class {
			continue
		}
		for _, n := range names {
			if c.Member == n {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// utilityPrefixes are general-purpose libraries whose wrappers around sensitive APIs
// (TelephonyManagerCompat.getImei, PhoneUtils.getIMSI) collect nothing unless called.
var utilityPrefixes = []string{
	"androidx.", "android.support.", "kotlin.", "kotlinx.", "com.google.android.material.",
	"com.blankj.utilcode.", "com.xuexiang.xutil.", "cn.hutool.", "org.apache.commons.",
}

func isUtility(class string) bool {
	for _, p := range utilityPrefixes {
		if strings.HasPrefix(class, p) {
			return true
		}
	}
	return false
}

// dropDeadLibraryHits keeps a hit inside a utility library only when code outside
// such libraries calls into it (through at most six wrapper calls).
func (e *env) dropDeadLibraryHits(hits []apiHit) []apiHit {
	ix := e.code()
	if e.live == nil {
		e.live = map[int]bool{}
	}
	var out []apiHit
	for _, h := range hits {
		m := ix.methods[h.Method]
		if !isUtility(m.Class) {
			out = append(out, h)
			continue
		}
		v, ok := e.live[h.Method]
		if !ok {
			v = ix.calledFromOutside(h.Method, isUtility)
			e.live[h.Method] = v
		}
		if v {
			out = append(out, h)
		}
	}
	return out
}
