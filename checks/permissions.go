package checks

import "strings"

// piCategory is a kind of personal information with the words a policy uses for it
// (regulations.md §7). Keys are stable and match the policy package's category keys
// where they overlap; Aliases lists other keys that also count as disclosing it.
type piCategory struct {
	Key       string
	NameZH    string
	Name      string
	Aliases   []string
	Keywords  []string
	Sensitive bool // PIPL 28: sensitive PI
}

var piCategories = []piCategory{
	{Key: "location", NameZH: "位置信息", Name: "location", Aliases: []string{"precise_location", "coarse_location", "background_location"}, Keywords: []string{"位置信息", "精确位置", "精确定位", "地理位置", "GPS", "经纬度", "定位", "行踪轨迹", "粗略位置", "大致位置", "基站", "网络定位"}, Sensitive: true},
	{Key: "background_location", NameZH: "后台位置", Name: "background location", Keywords: []string{"后台定位", "后台位置", "持续定位", "始终允许", "行踪轨迹"}, Sensitive: true},
	{Key: "media_location", NameZH: "照片位置", Name: "photo location", Aliases: []string{"photo_location"}, Keywords: []string{"照片位置", "拍摄地点", "EXIF"}},
	{Key: "device_id", NameZH: "设备标识", Name: "device identifiers", Aliases: []string{"phone_state", "imei"}, Keywords: []string{"设备信息", "设备标识", "设备识别码", "IMEI", "IMSI", "MEID", "设备序列号", "ICCID", "SIM卡", "电话状态", "通话状态"}},
	{Key: "phone_number", NameZH: "本机号码", Name: "phone number", Keywords: []string{"本机号码", "手机号码", "电话号码"}},
	{Key: "mac", NameZH: "MAC地址", Name: "MAC address", Aliases: []string{"device_id"}, Keywords: []string{"MAC地址", "MAC 地址", "设备MAC", "硬件地址"}},
	{Key: "android_id", NameZH: "Android ID", Name: "Android ID", Aliases: []string{"device_id"}, Keywords: []string{"Android ID", "AndroidID", "安卓ID", "ANDROID_ID"}},
	{Key: "wifi", NameZH: "WLAN信息", Name: "Wi-Fi information", Aliases: []string{"network"}, Keywords: []string{"WLAN", "Wi-Fi", "WiFi", "WIFI", "SSID", "BSSID", "无线网络"}},
	{Key: "call_log", NameZH: "通话记录", Name: "call log", Keywords: []string{"通话记录", "通话日志", "来电记录"}, Sensitive: true},
	{Key: "calls", NameZH: "拨打电话", Name: "phone calls", Aliases: []string{"call_phone"}, Keywords: []string{"拨打电话", "一键拨号", "呼叫", "电话权限"}},
	{Key: "contacts", NameZH: "通讯录", Name: "contacts", Keywords: []string{"通讯录", "联系人"}, Sensitive: true},
	{Key: "accounts", NameZH: "设备账户", Name: "device accounts", Keywords: []string{"账户信息", "设备账户", "账号列表"}},
	{Key: "sms", NameZH: "短信", Name: "SMS", Keywords: []string{"短信", "彩信"}, Sensitive: true},
	{Key: "calendar", NameZH: "日历", Name: "calendar", Keywords: []string{"日历", "日程", "提醒事项"}},
	{Key: "camera", NameZH: "相机", Name: "camera", Aliases: []string{"photos"}, Keywords: []string{"相机", "摄像头", "拍照", "拍摄", "录像", "扫码", "扫一扫"}},
	{Key: "microphone", NameZH: "麦克风", Name: "microphone", Aliases: []string{"audio"}, Keywords: []string{"麦克风", "录音", "语音", "声纹"}},
	{Key: "storage", NameZH: "存储/相册", Name: "storage and media", Aliases: []string{"photos", "media", "files"}, Keywords: []string{"存储", "相册", "照片", "图片", "媒体文件", "文件"}},
	{Key: "body_sensors", NameZH: "身体传感器", Name: "body sensors", Aliases: []string{"health"}, Keywords: []string{"身体传感器", "心率", "血氧", "健康数据", "生理信息"}, Sensitive: true},
	{Key: "activity", NameZH: "身体活动", Name: "physical activity", Aliases: []string{"activity_recognition"}, Keywords: []string{"身体活动", "运动数据", "步数", "健身记录"}},
	{Key: "bluetooth", NameZH: "附近设备/蓝牙", Name: "nearby devices", Keywords: []string{"蓝牙", "附近设备"}},
	{Key: "app_list", NameZH: "软件安装列表", Name: "installed apps", Aliases: []string{"installed_apps", "applist"}, Keywords: []string{"应用列表", "软件安装列表", "已安装应用", "应用安装信息", "软件列表", "安装列表"}},
	{Key: "clipboard", NameZH: "剪切板", Name: "clipboard", Keywords: []string{"剪切板", "剪贴板", "粘贴板", "口令"}},
}

func piCategoryByKey(key string) *piCategory {
	for i := range piCategories {
		if piCategories[i].Key == key {
			return &piCategories[i]
		}
	}
	return nil
}

// privacyPermission is a permission that reaches personal information (TC260 groups
// and §7), with the category a policy must disclose for it.
type privacyPermission struct {
	Name string // full name
	PI   string // piCategory key
}

var privacyPermissions = []privacyPermission{
	{"android.permission.ACCESS_FINE_LOCATION", "location"},
	{"android.permission.ACCESS_COARSE_LOCATION", "location"},
	{"android.permission.ACCESS_BACKGROUND_LOCATION", "background_location"},
	{"android.permission.ACCESS_MEDIA_LOCATION", "media_location"},
	{"android.permission.READ_PHONE_STATE", "device_id"},
	{"android.permission.READ_PHONE_NUMBERS", "phone_number"},
	{"android.permission.CALL_PHONE", "calls"},
	{"android.permission.ANSWER_PHONE_CALLS", "calls"},
	{"android.permission.READ_CALL_LOG", "call_log"},
	{"android.permission.WRITE_CALL_LOG", "call_log"},
	{"android.permission.PROCESS_OUTGOING_CALLS", "call_log"},
	{"android.permission.READ_CONTACTS", "contacts"},
	{"android.permission.WRITE_CONTACTS", "contacts"},
	{"android.permission.GET_ACCOUNTS", "accounts"},
	{"android.permission.READ_SMS", "sms"},
	{"android.permission.RECEIVE_SMS", "sms"},
	{"android.permission.SEND_SMS", "sms"},
	{"android.permission.RECEIVE_MMS", "sms"},
	{"android.permission.RECEIVE_WAP_PUSH", "sms"},
	{"android.permission.READ_CALENDAR", "calendar"},
	{"android.permission.WRITE_CALENDAR", "calendar"},
	{"android.permission.CAMERA", "camera"},
	{"android.permission.RECORD_AUDIO", "microphone"},
	{"android.permission.READ_EXTERNAL_STORAGE", "storage"},
	{"android.permission.WRITE_EXTERNAL_STORAGE", "storage"},
	{"android.permission.MANAGE_EXTERNAL_STORAGE", "storage"},
	{"android.permission.READ_MEDIA_IMAGES", "storage"},
	{"android.permission.READ_MEDIA_VIDEO", "storage"},
	{"android.permission.READ_MEDIA_AUDIO", "storage"},
	{"android.permission.READ_MEDIA_VISUAL_USER_SELECTED", "storage"},
	{"android.permission.BODY_SENSORS", "body_sensors"},
	{"android.permission.BODY_SENSORS_BACKGROUND", "body_sensors"},
	{"android.permission.ACTIVITY_RECOGNITION", "activity"},
	{"android.permission.BLUETOOTH_SCAN", "bluetooth"},
	{"android.permission.BLUETOOTH_CONNECT", "bluetooth"},
	{"android.permission.NEARBY_WIFI_DEVICES", "wifi"},
	{"android.permission.QUERY_ALL_PACKAGES", "app_list"},
	{"com.android.permission.GET_INSTALLED_APPS", "app_list"},
}

func lookupPrivacyPermission(name string) (privacyPermission, bool) {
	for _, p := range privacyPermissions {
		if p.Name == name {
			return p, true
		}
	}
	return privacyPermission{}, false
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
