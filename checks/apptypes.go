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
	// NecessaryPI summarises the rules' necessary PI for the basic function
	// (regulations.md §6; rows marked [M] there are still to be checked against
	// the official text).
	NecessaryPI   string `json:"necessary_pi"`
	NecessaryPIEN string `json:"necessary_pi_en"`
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
	{Key: "map_navigation", No: 1, NameZH: "地图导航", Name: "Maps & navigation", Baseline: location, Functional: []string{pAudio}, NecessaryPI: "位置信息、出发地、到达地", NecessaryPIEN: "location, origin, destination"},
	{Key: "ride_hailing", No: 2, NameZH: "网络约车", Name: "Ride-hailing", Baseline: location, Functional: []string{pCall}, NecessaryPI: "手机号；乘车人出发地、到达地、位置信息、行踪轨迹；支付时间、金额、渠道", NecessaryPIEN: "phone number; rider origin, destination, location, trajectory; payment time, amount, channel"},
	{Key: "instant_messaging", No: 3, NameZH: "即时通信", Name: "Instant messaging", Functional: join([]string{pCamera, pAudio}, media, location), NecessaryPI: "手机号；账号、即时通信联系人账号列表", NecessaryPIEN: "phone number; account and in-app contact list"},
	{Key: "online_community", No: 4, NameZH: "网络社区", Name: "Online community", Functional: join([]string{pCamera, pAudio}, media), NecessaryPI: "手机号", NecessaryPIEN: "phone number"},
	{Key: "online_payment", No: 5, NameZH: "网络支付", Name: "Online payment", Functional: []string{pCamera}, NecessaryPI: "手机号；姓名、证件类型和号码、证件有效期限、银行卡号码", NecessaryPIEN: "phone number; name, ID type, number and validity, bank card number"},
	{Key: "online_shopping", No: 6, NameZH: "网上购物", Name: "Online shopping", Functional: join([]string{pCamera, pCall}, media), NecessaryPI: "手机号；收货人姓名（名称）、地址、联系电话；支付信息", NecessaryPIEN: "phone number; recipient name, address, phone; payment information"},
	{Key: "food_delivery", No: 7, NameZH: "餐饮外卖", Name: "Food delivery", Functional: []string{pCall}, NecessaryPI: "手机号；收货人姓名（名称）、地址、联系电话；支付信息", NecessaryPIEN: "phone number; recipient name, address, phone; payment information"},
	{Key: "courier", No: 8, NameZH: "邮件快件寄递", Name: "Postal & courier", Functional: []string{pCamera, pCall}, NecessaryPI: "寄件人姓名、证件类型和号码、地址、电话；收件人姓名、地址、电话；物品名称、性质、数量", NecessaryPIEN: "sender name, ID, address, phone; recipient name, address, phone; item name, nature, quantity"},
	{Key: "transport_ticketing", No: 9, NameZH: "交通票务", Name: "Transport ticketing", Functional: []string{pCamera}, NecessaryPI: "手机号；旅客姓名、证件类型和号码、旅客类型；出发地、目的地、出发时间、车次/航班、席别、座位号；支付信息", NecessaryPIEN: "phone number; passenger name, ID, type; origin, destination, time, train/flight, class, seat; payment information"},
	{Key: "dating", No: 10, NameZH: "婚恋相亲", Name: "Dating & matchmaking", Functional: join([]string{pCamera}, media), NecessaryPI: "手机号；婚恋相亲人的性别、年龄、婚姻状况", NecessaryPIEN: "phone number; gender, age, marital status"},
	{Key: "job_seeking", No: 11, NameZH: "求职招聘", Name: "Job seeking", Functional: join([]string{pCamera}, media), NecessaryPI: "求职者提供的简历", NecessaryPIEN: "the résumé the job seeker provides"},
	{Key: "online_lending", No: 12, NameZH: "网络借贷", Name: "Online lending", Functional: []string{pCamera}, NecessaryPI: "手机号；借款人姓名、证件类型和号码、证件有效期限、银行卡号码", NecessaryPIEN: "phone number; borrower name, ID type, number and validity, bank card number"},
	{Key: "property", No: 13, NameZH: "房屋租售", Name: "Property rental & sale", Functional: join([]string{pCamera, pCall}, media), NecessaryPI: "手机号；房源基本信息", NecessaryPIEN: "phone number; basic property details"},
	{Key: "used_cars", No: 14, NameZH: "二手车交易", Name: "Used cars", Functional: join([]string{pCamera, pCall}, media), NecessaryPI: "手机号；购买方姓名、证件；出售方姓名、证件、车辆行驶证号、车辆识别号码", NecessaryPIEN: "phone number; buyer name and ID; seller name, ID, vehicle licence and VIN"},
	{Key: "medical", No: 15, NameZH: "问诊挂号", Name: "Medical consultation & booking", Functional: join([]string{pCamera, pAudio}, media), NecessaryPI: "手机号；（挂号）患者姓名、证件类型和号码、预约医院和科室；（问诊）病情描述", NecessaryPIEN: "phone number; (booking) patient name, ID, hospital and department; (consultation) description of the condition"},
	{Key: "travel", No: 16, NameZH: "旅游服务", Name: "Travel", Functional: []string{pCall}, NecessaryPI: "出行人旅游目的地、旅游时间；出行人姓名、证件类型和号码、联系方式", NecessaryPIEN: "traveller destination and dates; name, ID, contact details"},
	{Key: "hotel", No: 17, NameZH: "酒店服务", Name: "Hotels", Functional: []string{pCall}, NecessaryPI: "住宿人姓名和联系方式、入住和退房时间、入住酒店名称", NecessaryPIEN: "guest name and contact, check-in and check-out times, hotel name"},
	{Key: "online_games", No: 18, NameZH: "网络游戏", Name: "Online games", Functional: []string{pAudio}, NecessaryPI: "手机号", NecessaryPIEN: "phone number"},
	{Key: "education", No: 19, NameZH: "学习教育", Name: "Education", Functional: join([]string{pCamera, pAudio}, media), NecessaryPI: "手机号", NecessaryPIEN: "phone number"},
	{Key: "local_services", No: 20, NameZH: "本地生活", Name: "Local services", Functional: join([]string{pCamera, pCall}, media), NecessaryPI: "手机号", NecessaryPIEN: "phone number"},
	{Key: "womens_health", No: 21, NameZH: "女性健康", Name: "Women's health", NoPI: true, NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "vehicle_use", No: 22, NameZH: "用车服务", Name: "Vehicle use (bike/car sharing, rental)", Baseline: location, Functional: []string{pCamera, pCall, pBtScan, pBtConn}, NecessaryPI: "手机号；（共享汽车、租赁汽车）证件类型和号码、驾驶证件信息；支付信息；（共享单车、分时租赁）位置信息", NecessaryPIEN: "phone number; (car sharing/rental) ID and driving licence; payment information; (bike sharing/time-share) location"},
	{Key: "investment", No: 23, NameZH: "投资理财", Name: "Investment", Functional: []string{pCamera}, NecessaryPI: "手机号；姓名、证件类型和号码、有效期限、证件影印件；资金账户、银行卡号或支付账号", NecessaryPIEN: "phone number; name, ID type, number, validity and copy; fund account, bank card or payment account"},
	{Key: "mobile_banking", No: 24, NameZH: "手机银行", Name: "Mobile banking", Functional: []string{pCamera}, NecessaryPI: "手机号；姓名、证件类型和号码、有效期限、证件影印件、银行卡号、银行预留手机号；（转账）收款人姓名、银行卡号、开户行", NecessaryPIEN: "phone number; name, ID and copy, bank card number, bank-registered phone; (transfers) payee name, card number, bank"},
	{Key: "email_cloud", No: 25, NameZH: "邮箱云盘", Name: "Email & cloud drive", Functional: join([]string{pCamera}, media), NecessaryPI: "手机号", NecessaryPIEN: "phone number"},
	{Key: "remote_meeting", No: 26, NameZH: "远程会议", Name: "Remote meetings", Functional: join([]string{pCamera, pAudio, pBtConn}, media), NecessaryPI: "手机号", NecessaryPIEN: "phone number"},
	{Key: "live_streaming", No: 27, NameZH: "网络直播", Name: "Live streaming", NoPI: true, Functional: []string{pCamera, pAudio}, NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "video_music", No: 28, NameZH: "在线影音", Name: "Online video & music", NoPI: true, Functional: join([]string{pBtConn}, media), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "short_video", No: 29, NameZH: "短视频", Name: "Short video", NoPI: true, Functional: join([]string{pCamera, pAudio}, media), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "news", No: 30, NameZH: "新闻资讯", Name: "News", NoPI: true, NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "fitness", No: 31, NameZH: "运动健身", Name: "Fitness", NoPI: true, Functional: join([]string{pActRec, pBody, pBtScan, pBtConn}, location), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "browser", No: 32, NameZH: "浏览器", Name: "Browser", NoPI: true, Functional: join([]string{pCamera}, media), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "input_method", No: 33, NameZH: "输入法", Name: "Input method", NoPI: true, Functional: []string{pAudio}, NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "security", No: 34, NameZH: "安全管理", Name: "Security management", NoPI: true, Functional: join([]string{pAllPkgs}, media), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "ebook", No: 35, NameZH: "电子图书", Name: "E-books", NoPI: true, Functional: media, NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "photo_beauty", No: 36, NameZH: "拍摄美化", Name: "Photo & beauty", NoPI: true, Functional: join([]string{pCamera}, media), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "app_store", No: 37, NameZH: "应用商店", Name: "App store", NoPI: true, Functional: join([]string{pAllPkgs}, media), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "utilities", No: 38, NameZH: "实用工具", Name: "Utilities", NoPI: true, Functional: join([]string{pCamera, pAudio, pBtScan, pBtConn}, media), NecessaryPI: "无须个人信息", NecessaryPIEN: "no personal information"},
	{Key: "show_tickets", No: 39, NameZH: "演出票务", Name: "Show tickets", Functional: []string{pCamera}, NecessaryPI: "手机号；观演场次、座位号（如有）；支付信息", NecessaryPIEN: "phone number; performance session, seat (if any); payment information"},
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
