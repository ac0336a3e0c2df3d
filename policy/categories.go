package policy

import "strings"

// Category is one row of the permission → personal-information → disclosure-keyword
// table (reference/regulations.md §7). Checks compare an app's permissions and
// sensitive API calls with the categories its policy discloses.
type Category struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"` // zh
	NameEN      string   `json:"name_en"`
	Permissions []string `json:"permissions,omitempty"` // full Android permission names
	Sensitive   bool     `json:"sensitive"`             // 敏感个人信息 under PIPL art. 28
	NotPI       bool     `json:"not_pi,omitempty"`      // a capability (自启动, 悬浮窗), not PI
	Keywords    []string `json:"keywords"`              // zh, matched on normalised text
	KeywordsEN  []string `json:"keywords_en"`           // matched case-insensitively, on word boundaries
}

const ap = "android.permission."

var categories = []Category{
	{Key: "location", Name: "位置信息", NameEN: "location", Sensitive: true,
		Permissions: []string{ap + "ACCESS_FINE_LOCATION", ap + "ACCESS_COARSE_LOCATION"},
		Keywords:    []string{"位置信息", "精确位置", "精确定位", "地理位置", "GPS", "经纬度", "定位", "行踪轨迹", "粗略位置", "大致位置", "基站", "网络定位", "城市定位", "位置权限"},
		KeywordsEN:  []string{"location", "geolocation", "gps", "latitude", "longitude"}},
	{Key: "background_location", Name: "后台位置", NameEN: "background location", Sensitive: true,
		Permissions: []string{ap + "ACCESS_BACKGROUND_LOCATION"},
		Keywords:    []string{"后台定位", "后台位置", "持续定位", "始终允许", "行踪轨迹"},
		KeywordsEN:  []string{"background location", "location in the background"}},
	{Key: "photo_location", Name: "照片位置", NameEN: "photo location",
		Permissions: []string{ap + "ACCESS_MEDIA_LOCATION"},
		Keywords:    []string{"照片位置", "拍摄地点", "EXIF"},
		KeywordsEN:  []string{"exif", "photo location"}},
	{Key: "device_id", Name: "设备标识/电话状态", NameEN: "device identifiers and phone state",
		Permissions: []string{ap + "READ_PHONE_STATE", ap + "READ_PRIVILEGED_PHONE_STATE"},
		Keywords:    []string{"设备信息", "设备标识", "设备识别码", "设备唯一标识", "IMEI", "IMSI", "MEID", "设备序列号", "序列号", "SN", "ICCID", "SIM卡", "电话状态", "通话状态"},
		KeywordsEN:  []string{"imei", "imsi", "meid", "iccid", "device identifier", "device identifiers", "device id", "serial number", "phone state", "device information"}},
	{Key: "phone_number", Name: "本机号码", NameEN: "phone number",
		Permissions: []string{ap + "READ_PHONE_NUMBERS"},
		Keywords:    []string{"本机号码", "手机号码", "电话号码", "手机号"},
		KeywordsEN:  []string{"phone number", "mobile number", "telephone number"}},
	{Key: "call_phone", Name: "拨打电话", NameEN: "phone calls",
		Permissions: []string{ap + "CALL_PHONE", ap + "ANSWER_PHONE_CALLS"},
		Keywords:    []string{"拨打电话", "一键拨号", "呼叫"},
		KeywordsEN:  []string{"make phone calls", "place calls", "make calls"}},
	{Key: "call_log", Name: "通话记录", NameEN: "call log", Sensitive: true,
		Permissions: []string{ap + "READ_CALL_LOG", ap + "WRITE_CALL_LOG", ap + "PROCESS_OUTGOING_CALLS"},
		Keywords:    []string{"通话记录", "通话日志", "来电记录"},
		KeywordsEN:  []string{"call log", "call logs", "call history"}},
	{Key: "contacts", Name: "通讯录", NameEN: "contacts", Sensitive: true,
		Permissions: []string{ap + "READ_CONTACTS", ap + "WRITE_CONTACTS"},
		Keywords:    []string{"通讯录", "联系人", "手机联系人", "好友推荐"},
		KeywordsEN:  []string{"contacts", "address book", "contact list"}},
	{Key: "accounts", Name: "设备账户", NameEN: "device accounts",
		Permissions: []string{ap + "GET_ACCOUNTS"},
		Keywords:    []string{"设备账户", "设备帐户", "账号列表", "帐号列表", "系统账户"},
		KeywordsEN:  []string{"accounts on your device", "device accounts"}},
	{Key: "sms", Name: "短信", NameEN: "SMS", Sensitive: true,
		Permissions: []string{ap + "READ_SMS", ap + "RECEIVE_SMS", ap + "RECEIVE_MMS", ap + "RECEIVE_WAP_PUSH", ap + "SEND_SMS"},
		Keywords:    []string{"短信内容", "读取短信", "短信权限", "接收短信", "发送短信", "短信记录", "自动填充验证码", "自动填写验证码", "彩信"},
		KeywordsEN:  []string{"sms", "text messages"}},
	{Key: "calendar", Name: "日历", NameEN: "calendar",
		Permissions: []string{ap + "READ_CALENDAR", ap + "WRITE_CALENDAR"},
		Keywords:    []string{"日历", "日程", "提醒事项"},
		KeywordsEN:  []string{"calendar"}},
	{Key: "camera", Name: "相机", NameEN: "camera",
		Permissions: []string{ap + "CAMERA"},
		Keywords:    []string{"相机", "摄像头", "拍照", "拍摄", "录像", "扫码", "扫一扫"},
		KeywordsEN:  []string{"camera", "take photos", "take pictures", "scan qr"}},
	{Key: "microphone", Name: "麦克风", NameEN: "microphone",
		Permissions: []string{ap + "RECORD_AUDIO"},
		Keywords:    []string{"麦克风", "录音", "语音", "声纹", "语音识别"},
		KeywordsEN:  []string{"microphone", "record audio", "voice"}},
	{Key: "storage", Name: "存储/相册/文件", NameEN: "storage, photos and files",
		Permissions: []string{ap + "READ_EXTERNAL_STORAGE", ap + "WRITE_EXTERNAL_STORAGE", ap + "READ_MEDIA_IMAGES", ap + "READ_MEDIA_VIDEO", ap + "READ_MEDIA_AUDIO", ap + "READ_MEDIA_VISUAL_USER_SELECTED", ap + "MANAGE_EXTERNAL_STORAGE"},
		Keywords:    []string{"存储权限", "存储空间", "外部存储", "读写存储", "SD卡", "相册", "照片", "图片", "视频", "音频", "文件", "媒体文件"},
		KeywordsEN:  []string{"storage permission", "external storage", "device storage", "photos", "media files", "photo library"}},
	{Key: "body_sensors", Name: "健康生理信息", NameEN: "body sensors", Sensitive: true,
		Permissions: []string{ap + "BODY_SENSORS", ap + "BODY_SENSORS_BACKGROUND"},
		Keywords:    []string{"身体传感器", "心率", "血氧", "健康数据", "生理信息"},
		KeywordsEN:  []string{"body sensors", "heart rate", "health data"}},
	{Key: "activity_recognition", Name: "运动数据", NameEN: "physical activity",
		Permissions: []string{ap + "ACTIVITY_RECOGNITION"},
		Keywords:    []string{"身体活动", "运动数据", "步数", "健身记录"},
		KeywordsEN:  []string{"physical activity", "step count"}},
	{Key: "sensors", Name: "传感器", NameEN: "motion sensors",
		Keywords:   []string{"传感器", "加速度", "陀螺仪", "重力感应", "方向传感器", "光线传感器"},
		KeywordsEN: []string{"sensor", "sensors", "accelerometer", "gyroscope"}},
	{Key: "bluetooth", Name: "蓝牙", NameEN: "Bluetooth",
		Permissions: []string{ap + "BLUETOOTH", ap + "BLUETOOTH_ADMIN", ap + "BLUETOOTH_SCAN", ap + "BLUETOOTH_CONNECT", ap + "BLUETOOTH_ADVERTISE"},
		Keywords:    []string{"蓝牙", "附近设备", "蓝牙地址", "设备连接"},
		KeywordsEN:  []string{"bluetooth", "nearby devices"}},
	{Key: "wifi", Name: "WLAN信息", NameEN: "Wi-Fi",
		Permissions: []string{ap + "ACCESS_WIFI_STATE", ap + "CHANGE_WIFI_STATE", ap + "NEARBY_WIFI_DEVICES"},
		Keywords:    []string{"WLAN", "Wi-Fi", "WiFi", "SSID", "BSSID", "无线网络", "网络信息"},
		KeywordsEN:  []string{"wi-fi", "wifi", "wlan", "ssid", "bssid", "wireless network"}},
	{Key: "mac", Name: "MAC地址", NameEN: "MAC address",
		Keywords:   []string{"MAC地址", "设备MAC", "硬件地址", "MAC"},
		KeywordsEN: []string{"mac address", "mac"}},
	{Key: "android_id", Name: "Android ID", NameEN: "Android ID",
		Keywords:   []string{"Android ID", "AndroidID", "安卓ID", "Android_ID", "ANDROID_ID"},
		KeywordsEN: []string{"android id", "androidid", "android_id"}},
	{Key: "advertising_id", Name: "广告/匿名设备标识符", NameEN: "advertising identifiers",
		Permissions: []string{"com.google.android.gms.permission.AD_ID"},
		Keywords:    []string{"OAID", "匿名设备标识符", "广告标识符", "GAID", "AAID", "VAID", "IDFA"},
		KeywordsEN:  []string{"oaid", "gaid", "aaid", "idfa", "advertising id", "advertising identifier"}},
	{Key: "app_list", Name: "应用列表", NameEN: "installed apps",
		Permissions: []string{ap + "QUERY_ALL_PACKAGES", "com.android.permission.GET_INSTALLED_APPS"},
		Keywords:    []string{"应用列表", "软件安装列表", "已安装应用", "应用安装信息", "软件列表", "安装列表", "读取应用列表", "已安装的应用"},
		KeywordsEN:  []string{"installed apps", "installed applications", "app list", "list of installed"}},
	{Key: "app_usage", Name: "应用使用情况", NameEN: "app usage",
		Permissions: []string{ap + "PACKAGE_USAGE_STATS", ap + "GET_TASKS"},
		Keywords:    []string{"应用使用情况", "运行中的应用", "进程信息", "运行进程"},
		KeywordsEN:  []string{"app usage", "running apps", "running processes"}},
	{Key: "clipboard", Name: "剪切板", NameEN: "clipboard",
		Keywords:   []string{"剪切板", "剪贴板", "粘贴板", "口令"},
		KeywordsEN: []string{"clipboard"}},
	{Key: "ip", Name: "IP地址", NameEN: "IP address",
		Keywords:   []string{"IP地址", "IP", "网络信息"},
		KeywordsEN: []string{"ip address", "ip"}},
	{Key: "biometric", Name: "系统生物识别验证", NameEN: "system biometric verification",
		Permissions: []string{ap + "USE_BIOMETRIC", ap + "USE_FINGERPRINT"},
		Keywords:    []string{"指纹", "面容", "生物识别验证"},
		KeywordsEN:  []string{"fingerprint", "biometric"}},
	{Key: "face", Name: "人脸信息", NameEN: "face information", Sensitive: true,
		Keywords:   []string{"人脸", "面部特征", "面部识别", "面部信息", "活体检测", "刷脸", "面部"},
		KeywordsEN: []string{"face", "facial", "liveness"}},
	{Key: "id_card", Name: "身份证件", NameEN: "identity documents", Sensitive: true,
		Keywords:   []string{"身份证", "证件号码", "证件照片", "证件照", "身份证件", "实名认证"},
		KeywordsEN: []string{"id card", "identity card", "identity document", "passport"}},
	{Key: "bank_card", Name: "银行卡/金融账户", NameEN: "bank card", Sensitive: true,
		Keywords:   []string{"银行卡", "银行账户", "银行卡号", "信用卡"},
		KeywordsEN: []string{"bank card", "bank account", "credit card"}},
	{Key: "auto_start", Name: "自启动/关联启动", NameEN: "auto start", NotPI: true,
		Permissions: []string{ap + "RECEIVE_BOOT_COMPLETED"},
		Keywords:    []string{"自启动", "关联启动", "开机启动", "唤醒", "保活"},
		KeywordsEN:  []string{"auto-start", "start on boot", "autostart"}},
	{Key: "overlay", Name: "悬浮窗", NameEN: "draw over other apps", NotPI: true,
		Permissions: []string{ap + "SYSTEM_ALERT_WINDOW"},
		Keywords:    []string{"悬浮窗", "显示在其他应用上层"},
		KeywordsEN:  []string{"overlay", "draw over other apps"}},
	{Key: "install_packages", Name: "安装应用", NameEN: "install apps", NotPI: true,
		Permissions: []string{ap + "REQUEST_INSTALL_PACKAGES"},
		Keywords:    []string{"安装未知应用", "下载安装", "安装应用"},
		KeywordsEN:  []string{"install apps", "install unknown apps"}},
}

// Categories returns the permission → PI category table (a copy), in report order.
func Categories() []Category {
	out := make([]Category, len(categories))
	copy(out, categories)
	return out
}

// CategoryForPermission returns the category key covering an Android permission
// ("android.permission.CAMERA" or just "CAMERA"), or "" when none does.
func CategoryForPermission(name string) string {
	for _, c := range categories {
		for _, p := range c.Permissions {
			if p == name || strings.TrimPrefix(p, ap) == name {
				return c.Key
			}
		}
	}
	return ""
}

// CategoryByKey returns the category with that key.
func CategoryByKey(key string) (Category, bool) {
	for _, c := range categories {
		if c.Key == key {
			return c, true
		}
	}
	return Category{}, false
}
