package checks

import "sort"

// AppType is one of the 39 common app types of the 2021 necessary-PI rules
// (常见类型移动互联网应用程序必要个人信息范围规定), regulations.md §6.
type AppType struct {
	Key    string `json:"key"`
	No     int    `json:"no"`
	NameZH string `json:"name_zh"`
	Name   string `json:"name"`
	// NoPI: the rules say the basic function needs no personal information.
	NoPI bool `json:"no_pi"`
	// Baseline are permissions the basic function can justify; Functional are
	// permissions of common extended functions that are acceptable only when
	// requested at the point of use (hegui's derivation, §6 column [D]).
	Baseline   []string `json:"baseline,omitempty"`
	Functional []string `json:"functional,omitempty"`
}

const (
	pFine    = "android.permission.ACCESS_FINE_LOCATION"
	pCoarse  = "android.permission.ACCESS_COARSE_LOCATION"
	pCamera  = "android.permission.CAMERA"
	pAudio   = "android.permission.RECORD_AUDIO"
	pCall    = "android.permission.CALL_PHONE"
	pRead    = "android.permission.READ_EXTERNAL_STORAGE"
	pWrite   = "android.permission.WRITE_EXTERNAL_STORAGE"
	pImages  = "android.permission.READ_MEDIA_IMAGES"
	pVideo   = "android.permission.READ_MEDIA_VIDEO"
	pMAudio  = "android.permission.READ_MEDIA_AUDIO"
	pVisual  = "android.permission.READ_MEDIA_VISUAL_USER_SELECTED"
	pActRec  = "android.permission.ACTIVITY_RECOGNITION"
	pBody    = "android.permission.BODY_SENSORS"
	pAllPkgs = "android.permission.QUERY_ALL_PACKAGES"
	pBtScan  = "android.permission.BLUETOOTH_SCAN"
	pBtConn  = "android.permission.BLUETOOTH_CONNECT"
)

var (
	location = []string{pFine, pCoarse}
	media    = []string{pRead, pWrite, pImages, pVideo, pMAudio, pVisual}
)

func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// AppTypes lists the 39 types in the order of the rules.
var AppTypes = []AppType{
	{Key: "map_navigation", No: 1, NameZH: "地图导航", Name: "Maps & navigation", Baseline: location, Functional: []string{pAudio}},
	{Key: "ride_hailing", No: 2, NameZH: "网络约车", Name: "Ride-hailing", Baseline: location, Functional: []string{pCall}},
	{Key: "instant_messaging", No: 3, NameZH: "即时通信", Name: "Instant messaging", Functional: join([]string{pCamera, pAudio}, media, location)},
	{Key: "online_community", No: 4, NameZH: "网络社区", Name: "Online community", Functional: join([]string{pCamera, pAudio}, media)},
	{Key: "online_payment", No: 5, NameZH: "网络支付", Name: "Online payment", Functional: []string{pCamera}},
	{Key: "online_shopping", No: 6, NameZH: "网上购物", Name: "Online shopping", Functional: join([]string{pCamera, pCall}, media)},
	{Key: "food_delivery", No: 7, NameZH: "餐饮外卖", Name: "Food delivery", Functional: []string{pCall}},
	{Key: "courier", No: 8, NameZH: "邮件快件寄递", Name: "Postal & courier", Functional: []string{pCamera, pCall}},
	{Key: "transport_ticketing", No: 9, NameZH: "交通票务", Name: "Transport ticketing", Functional: []string{pCamera}},
	{Key: "dating", No: 10, NameZH: "婚恋相亲", Name: "Dating & matchmaking", Functional: join([]string{pCamera}, media)},
	{Key: "job_seeking", No: 11, NameZH: "求职招聘", Name: "Job seeking", Functional: join([]string{pCamera}, media)},
	{Key: "online_lending", No: 12, NameZH: "网络借贷", Name: "Online lending", Functional: []string{pCamera}},
	{Key: "property", No: 13, NameZH: "房屋租售", Name: "Property rental & sale", Functional: join([]string{pCamera, pCall}, media)},
	{Key: "used_cars", No: 14, NameZH: "二手车交易", Name: "Used cars", Functional: join([]string{pCamera, pCall}, media)},
	{Key: "medical", No: 15, NameZH: "问诊挂号", Name: "Medical consultation & booking", Functional: join([]string{pCamera, pAudio}, media)},
	{Key: "travel", No: 16, NameZH: "旅游服务", Name: "Travel", Functional: []string{pCall}},
	{Key: "hotel", No: 17, NameZH: "酒店服务", Name: "Hotels", Functional: []string{pCall}},
	{Key: "online_games", No: 18, NameZH: "网络游戏", Name: "Online games", Functional: []string{pAudio}},
	{Key: "education", No: 19, NameZH: "学习教育", Name: "Education", Functional: join([]string{pCamera, pAudio}, media)},
	{Key: "local_services", No: 20, NameZH: "本地生活", Name: "Local services", Functional: join([]string{pCamera, pCall}, media)},
	{Key: "womens_health", No: 21, NameZH: "女性健康", Name: "Women's health", NoPI: true},
	{Key: "vehicle_use", No: 22, NameZH: "用车服务", Name: "Vehicle use (bike/car sharing, rental)", Baseline: location, Functional: []string{pCamera, pCall, pBtScan, pBtConn}},
	{Key: "investment", No: 23, NameZH: "投资理财", Name: "Investment", Functional: []string{pCamera}},
	{Key: "mobile_banking", No: 24, NameZH: "手机银行", Name: "Mobile banking", Functional: []string{pCamera}},
	{Key: "email_cloud", No: 25, NameZH: "邮箱云盘", Name: "Email & cloud drive", Functional: join([]string{pCamera}, media)},
	{Key: "remote_meeting", No: 26, NameZH: "远程会议", Name: "Remote meetings", Functional: join([]string{pCamera, pAudio, pBtConn}, media)},
	{Key: "live_streaming", No: 27, NameZH: "网络直播", Name: "Live streaming", NoPI: true, Functional: []string{pCamera, pAudio}},
	{Key: "video_music", No: 28, NameZH: "在线影音", Name: "Online video & music", NoPI: true, Functional: join([]string{pBtConn}, media)},
	{Key: "short_video", No: 29, NameZH: "短视频", Name: "Short video", NoPI: true, Functional: join([]string{pCamera, pAudio}, media)},
	{Key: "news", No: 30, NameZH: "新闻资讯", Name: "News", NoPI: true},
	{Key: "fitness", No: 31, NameZH: "运动健身", Name: "Fitness", NoPI: true, Functional: join([]string{pActRec, pBody, pBtScan, pBtConn}, location)},
	{Key: "browser", No: 32, NameZH: "浏览器", Name: "Browser", NoPI: true, Functional: join([]string{pCamera}, media)},
	{Key: "input_method", No: 33, NameZH: "输入法", Name: "Input method", NoPI: true, Functional: []string{pAudio}},
	{Key: "security", No: 34, NameZH: "安全管理", Name: "Security management", NoPI: true, Functional: join([]string{pAllPkgs}, media)},
	{Key: "ebook", No: 35, NameZH: "电子图书", Name: "E-books", NoPI: true, Functional: media},
	{Key: "photo_beauty", No: 36, NameZH: "拍摄美化", Name: "Photo & beauty", NoPI: true, Functional: join([]string{pCamera}, media)},
	{Key: "app_store", No: 37, NameZH: "应用商店", Name: "App store", NoPI: true, Functional: join([]string{pAllPkgs}, media)},
	{Key: "utilities", No: 38, NameZH: "实用工具", Name: "Utilities", NoPI: true, Functional: join([]string{pCamera, pAudio, pBtScan, pBtConn}, media)},
	{Key: "show_tickets", No: 39, NameZH: "演出票务", Name: "Show tickets", Functional: []string{pCamera}},
}

// LookupAppType returns the type with that key.
func LookupAppType(key string) (AppType, bool) {
	for _, t := range AppTypes {
		if t.Key == key {
			return t, true
		}
	}
	return AppType{}, false
}

// AppTypeKeys returns every key, sorted.
func AppTypeKeys() []string {
	var out []string
	for _, t := range AppTypes {
		out = append(out, t.Key)
	}
	sort.Strings(out)
	return out
}
