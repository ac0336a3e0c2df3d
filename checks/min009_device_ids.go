package checks

func newMIN009() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-MIN-009", Title: "Reads unchangeable device identifiers", TitleZH: "收集不可变更的唯一设备识别码",
		Severity: High,
		Clauses: []Clause{
			gb41391("§6.3、附录F", "常见不可变更的唯一设备识别码"),
			miit337("3", "私自共享给第三方（设备识别信息）"),
			miit164("2", "超范围收集个人信息"),
		},
		Rationale:   "IMEI, MEID, IMSI, ICCID, the hardware serial and MAC addresses cannot be reset by the user; GB/T 41391 asks apps to use resettable IDs (OAID, Android ID) instead, and MIIT testers report every read of them, most often inside SDKs.",
		RationaleZH: "IMEI、MEID、IMSI、ICCID、硬件序列号和MAC地址用户无法重置；GB/T 41391要求优先使用可重置标识（OAID等），工信部检测会报告每一次读取，多数发生在SDK中。",
		Fix:         "Use OAID (MSA) or an app-scoped random ID instead; for SDKs, upgrade to the compliance version and turn off device-ID collection through its API (e.g. a privacy-mode switch) or do not initialise it.",
		FixZH:       "改用OAID（移动安全联盟）或应用内随机ID；SDK应升级到合规版本并通过其接口关闭设备标识采集，否则不要初始化该SDK。",
		Detects: "References to TelephonyManager getDeviceId/getImei/getMeid/getSubscriberId/getSimSerialNumber, SubscriptionInfo.getIccId, Build.getSerial, the Build.SERIAL field, WifiInfo.getMacAddress, NetworkInterface.getHardwareAddress, BluetoothAdapter.getAddress; " +
			"reflection (a method that loads one of those method names and calls Class.getMethod/getDeclaredMethod); and the strings ro.serialno, /sys/class/net/wlan0/address, /proc/net/arp. One finding per owner (app or SDK) and identifier, naming the calling methods. " +
			"A finding in an SDK that the app's code never references and that no entry point (Application, manifest components, constructed or reflectively named classes) reaches is one level lower and says so. Wrappers in general-purpose libraries (androidx, android.support, blankj utilcode, …) count only when code outside those libraries calls them.",
		FalsePositives: "Code that reads the ID only on old Android versions, or only after consent, is still reported: the rule is about the capability, CNPI-CON-001 about timing. NetworkInterface.getHardwareAddress is also used for non-identifying network checks.",
	}, fn: func(e *env, r *Rule) []draft {
		return e.apiByOwner("imei", "meid", "imsi", "iccid", "serial", "mac")
	}}
}
