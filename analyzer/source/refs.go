package source

import (
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// index is what the declaration pass learnt about the project's own code.
type index struct {
	classes map[string]bool              // own class FQ names
	byPkg   map[string]map[string]string // package → top-level simple name → FQ
	methods map[string]map[string]bool   // class FQ → method names
	supers  map[string]string            // own class FQ → resolved superclass FQ
	topFuns map[string]string            // Kotlin "pkg.fun" → file class ("pkg.FileKt")
}

func buildIndex(files []*fileDecls) *index {
	ix := &index{classes: map[string]bool{}, byPkg: map[string]map[string]string{},
		methods: map[string]map[string]bool{}, supers: map[string]string{}, topFuns: map[string]string{}}
	for _, f := range files {
		if f.kotlin {
			for name := range f.methods[f.fileClass] {
				ix.topFuns[qualify(f.pkg, name)] = f.fileClass
			}
		}
		for _, c := range f.classes {
			ix.classes[c.fq] = true
			if !strings.Contains(c.fq, "$") {
				m := ix.byPkg[f.pkg]
				if m == nil {
					m = map[string]string{}
					ix.byPkg[f.pkg] = m
				}
				m[c.fq[lastDot(c.fq)+1:]] = c.fq
			}
		}
		for c, ms := range f.methods {
			m := ix.methods[c]
			if m == nil {
				m = map[string]bool{}
				ix.methods[c] = m
			}
			for name := range ms {
				m[name] = true
			}
		}
	}
	for _, f := range files {
		for _, c := range f.classes {
			if c.super == "" {
				continue
			}
			if strings.Contains(c.super, ".") && !isUpper(c.super) {
				ix.supers[c.fq] = classFromQualified(c.super)
			} else if s := ix.resolveType(f, c.super, outerOf(c.fq)); s != "" {
				ix.supers[c.fq] = s
			}
		}
	}
	return ix
}

func qualify(pkg, name string) string {
	if pkg == "" {
		return name
	}
	return pkg + "." + name
}

func outerOf(c string) string {
	if i := strings.LastIndexByte(c, '$'); i >= 0 {
		return c[:i]
	}
	return ""
}

var javaLang = setOf("String", "System", "Runtime", "Class", "Thread", "Integer", "Long", "Object",
	"Math", "StringBuilder", "Boolean", "Process", "ProcessBuilder", "ClassLoader", "Character",
	"Double", "Float", "Byte", "Short", "Exception", "RuntimeException", "Throwable", "Runnable")

// knownClasses disambiguates wildcard imports for the framework classes that matter.
var knownClasses = setOf(
	"android.telephony.TelephonyManager", "android.telephony.SubscriptionManager", "android.telephony.SubscriptionInfo",
	"android.telephony.SmsManager", "android.os.Build", "android.provider.Settings", "android.net.wifi.WifiInfo",
	"android.net.wifi.WifiManager", "java.net.NetworkInterface", "java.net.InetAddress", "android.bluetooth.BluetoothAdapter",
	"android.content.pm.PackageManager", "android.app.ActivityManager", "android.content.ClipboardManager",
	"android.location.LocationManager", "android.content.ContentResolver", "android.provider.ContactsContract",
	"android.provider.CallLog", "android.provider.MediaStore", "android.accounts.AccountManager", "android.hardware.Camera",
	"android.hardware.SensorManager", "android.media.AudioRecord", "android.media.MediaRecorder", "android.content.Context",
	"android.os.Environment", "android.Manifest", "androidx.core.app.ActivityCompat", "android.app.Activity",
)

func setOf(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return m
}

// resolveType resolves a simple type name as the compiler would, from the file's
// imports, the enclosing classes, the same package, java.lang and wildcards.
func (ix *index) resolveType(f *fileDecls, name, cur string) string {
	if fq, ok := f.imports[name]; ok {
		return fq
	}
	for c := cur; c != ""; c = outerOf(c) {
		if ix.classes[c+"$"+name] {
			return c + "$" + name
		}
		if c[lastSep(c)+1:] == name {
			return c
		}
	}
	if fq := ix.byPkg[f.pkg][name]; fq != "" {
		return fq
	}
	if javaLang[name] {
		return "java.lang." + name
	}
	var only string
	n := 0
	for _, wc := range f.wildcards {
		cand := classFromQualified(wc + "." + name)
		if ix.classes[cand] || knownClasses[cand] {
			return cand
		}
		if !strings.HasPrefix(wc, "kotlin") && !strings.HasPrefix(wc, "java.") {
			only, n = cand, n+1
		}
	}
	if n == 1 {
		return only
	}
	return ""
}

// serviceTypes maps Context.*_SERVICE constants and their string values to the
// manager class getSystemService returns.
var serviceTypes = map[string]string{
	"TELEPHONY_SERVICE": "android.telephony.TelephonyManager", "phone": "android.telephony.TelephonyManager",
	"TELEPHONY_SUBSCRIPTION_SERVICE": "android.telephony.SubscriptionManager",
	"CLIPBOARD_SERVICE":              "android.content.ClipboardManager", "clipboard": "android.content.ClipboardManager",
	"WIFI_SERVICE": "android.net.wifi.WifiManager", "wifi": "android.net.wifi.WifiManager",
	"LOCATION_SERVICE": "android.location.LocationManager", "location": "android.location.LocationManager",
	"ACTIVITY_SERVICE": "android.app.ActivityManager", "activity": "android.app.ActivityManager",
	"SENSOR_SERVICE":            "android.hardware.SensorManager",
	"BLUETOOTH_SERVICE":         "android.bluetooth.BluetoothManager",
	"ACCOUNT_SERVICE":           "android.accounts.AccountManager",
	"CAMERA_SERVICE":            "android.hardware.camera2.CameraManager",
	"MEDIA_PROJECTION_SERVICE":  "android.media.projection.MediaProjectionManager",
	"USAGE_STATS_SERVICE":       "android.app.usage.UsageStatsManager",
	"CONNECTIVITY_SERVICE":      "android.net.ConnectivityManager",
	"AUDIO_SERVICE":             "android.media.AudioManager",
	"NOTIFICATION_SERVICE":      "android.app.NotificationManager",
	"ACCESSIBILITY_SERVICE":     "android.view.accessibility.AccessibilityManager",
	"WIFI_P2P_SERVICE":          "android.net.wifi.p2p.WifiP2pManager",
	"TELEPHONY_IMS_SERVICE":     "android.telephony.ims.ImsManager",
	"INPUT_METHOD_SERVICE":      "android.view.inputmethod.InputMethodManager",
	"DOWNLOAD_SERVICE":          "android.app.DownloadManager",
	"POWER_SERVICE":             "android.os.PowerManager",
	"VIBRATOR_SERVICE":          "android.os.Vibrator",
	"KEYGUARD_SERVICE":          "android.app.KeyguardManager",
	"WINDOW_SERVICE":            "android.view.WindowManager",
	"STORAGE_SERVICE":           "android.os.storage.StorageManager",
	"FINGERPRINT_SERVICE":       "android.hardware.fingerprint.FingerprintManager",
	"BIOMETRIC_SERVICE":         "android.hardware.biometrics.BiometricManager",
	"NETWORK_STATS_SERVICE":     "android.app.usage.NetworkStatsManager",
	"EUICC_SERVICE":             "android.telephony.euicc.EuiccManager",
	"TELECOM_SERVICE":           "android.telecom.TelecomManager",
	"APP_OPS_SERVICE":           "android.app.AppOpsManager",
	"DEVICE_POLICY_SERVICE":     "android.app.admin.DevicePolicyManager",
	"BATTERY_SERVICE":           "android.os.BatteryManager",
	"NFC_SERVICE":               "android.nfc.NfcManager",
	"USER_SERVICE":              "android.os.UserManager",
	"CARRIER_CONFIG_SERVICE":    "android.telephony.CarrierConfigManager",
	"WIFI_RTT_RANGING_SERVICE":  "android.net.wifi.rtt.WifiRttManager",
	"WIFI_AWARE_SERVICE":        "android.net.wifi.aware.WifiAwareManager",
	"CONSUMER_IR_SERVICE":       "android.hardware.ConsumerIrManager",
	"MEDIA_SESSION_SERVICE":     "android.media.session.MediaSessionManager",
	"LAUNCHER_APPS_SERVICE":     "android.content.pm.LauncherApps",
	"CLIPBOARD_SERVICE_LEGACY_": "android.text.ClipboardManager",
}

// getterTypes are framework getters whose return type matters for receivers:
// Java `getPackageManager()` and Kotlin's property form `packageManager`.
var getterTypes = map[string]string{
	"getPackageManager":     "android.content.pm.PackageManager",
	"getContentResolver":    "android.content.ContentResolver",
	"getConnectionInfo":     "android.net.wifi.WifiInfo",
	"getDefaultAdapter":     "android.bluetooth.BluetoothAdapter",
	"getApplicationContext": "android.content.Context",
	"getAdapter":            "android.bluetooth.BluetoothAdapter",
	"getBluetoothLeScanner": "android.bluetooth.le.BluetoothLeScanner",
}

// maxChain bounds a dotted name a.b.c… read backwards from a member.
const maxChain = 32

var singletonGetters = setOf("getInstance", "getDefault", "instance", "getInst", "get", "with", "shared", "getShared")

var kotlinProps = map[string]string{
	"packageManager":     "android.content.pm.PackageManager",
	"contentResolver":    "android.content.ContentResolver",
	"connectionInfo":     "android.net.wifi.WifiInfo",
	"applicationContext": "android.content.Context",
}

// refs is the reference pass over one file.
type refs struct {
	ix    *index
	f     *fileDecls
	w     *walker
	vars  map[string]string   // variable → declared or inferred type ("" shadows)
	perms map[string][]string // variable → permissions in its initialiser
	calls []analyzer.SourceCall
	strs  []analyzer.SourceString
	depth int // exprType recursion
}

// maxExprDepth bounds how far exprType recurses through a.b().c()!!… receivers.
const maxExprDepth = 24

func scanRefs(ix *index, f *fileDecls) ([]analyzer.SourceCall, []analyzer.SourceString) {
	r := &refs{ix: ix, f: f, vars: map[string]string{}, perms: map[string][]string{}}
	r.w = &walker{f: &fileDecls{path: f.path, kotlin: f.kotlin, pkg: f.pkg, toks: f.toks,
		methods: map[string]map[string]bool{}, fileClass: f.fileClass}}
	r.w.walk(r.visit)
	return r.calls, r.strs
}

func (r *refs) tok(i int) token {
	if i < 0 || i >= len(r.f.toks) {
		return token{kind: tPunct}
	}
	return r.f.toks[i]
}

func (r *refs) emit(class, member string, i int, perms []string) {
	r.calls = append(r.calls, analyzer.SourceCall{Class: class, Member: member,
		InClass: r.w.classFQ(), InMethod: r.w.method(), Permissions: perms, IfLines: r.w.ifLines(),
		Location: analyzer.Location{Path: r.f.path, Line: r.f.toks[i].line}})
}

func (r *refs) resolve(name string) string {
	if !isUpper(name) {
		return ""
	}
	return r.ix.resolveType(r.f, name, r.w.classFQ())
}

func (r *refs) visit(i int) {
	t := r.f.toks
	tk := t[i]
	if tk.kind == tString {
		r.str(i)
		return
	}
	if tk.kind != tIdent || i == r.w.declName || i < r.f.bodyStart {
		return
	}
	if r.w.pendingClass != "" && r.w.paren >= r.w.pendingParen {
		return // a class header: supertypes and constructor parameters
	}
	prev, next := r.tok(i-1), r.tok(i+1)
	r.varDecl(i)
	switch prev.text {
	case ".", "?.":
		r.member(i, next.text)
		return
	case "::":
		if tk.text == "class" || tk.text == "new" {
			return
		}
		if ty, _ := r.exprType(i - 2); ty != "" {
			r.emit(ty, tk.text, i, nil)
		}
		return
	case "new":
		q := qualifiedAt(t, i)
		if after := r.tok(i + 2*countDots(q) + 1).text; after != "(" && after != "<" {
			return // an array
		}
		if ty, static := r.chainType(strings.Split(q, ".")); static {
			r.emit(ty, "<init>", i, nil)
		}
		return
	case "fun", "class", "interface", "object", "enum", "import", "package", "@":
		return
	}
	if next.text == "(" {
		r.unqualifiedCall(i)
		return
	}
	if c := r.f.statics[tk.text]; c != "" && next.text != "=" && prev.kind != tIdent {
		r.emit(c, tk.text, i, nil)
	}
}

func (r *refs) unqualifiedCall(i int) {
	name := r.f.toks[i].text
	if javaNotMethod[name] {
		return
	}
	if isUpper(name) {
		if ty := r.resolve(name); ty != "" {
			r.emit(ty, "<init>", i, nil)
		}
		return
	}
	if c := r.ownMethodClass(name); c != "" {
		r.emit(c, name, i, nil)
		return
	}
	if r.f.kotlin {
		fq := r.f.imports[name]
		if fq == "" {
			fq = qualify(r.f.pkg, name)
		}
		if c := r.ix.topFuns[fq]; c != "" {
			r.emit(c, name, i, nil)
			return
		}
	}
	if c := r.f.statics[name]; c != "" {
		r.callOrPerm(c, name, i)
		return
	}
	if name == "requestPermissions" {
		r.callOrPerm("android.app.Activity", name, i)
	}
}

// ownMethodClass finds the own class (enclosing, outer or own superclass) declaring name.
func (r *refs) ownMethodClass(name string) string {
	for c := r.w.classFQ(); c != ""; c = outerOf(c) {
		for s, n := c, 0; s != "" && n < 16; s, n = r.ix.supers[s], n+1 {
			if r.ix.methods[s][name] {
				return s
			}
		}
	}
	return ""
}

func (r *refs) member(i int, next string) {
	t := r.f.toks
	name := t[i].text
	start := i - 2
	for n := 0; n < maxChain && start >= 2 && t[start-1].text == "." && t[start].kind == tIdent && t[start-2].kind == tIdent; n++ {
		start -= 2
	}
	if start > 0 && t[start-1].text == "new" {
		return
	}
	ty, static := r.exprType(i - 2)
	if ty == "" || name == "class" || name == "this" {
		return
	}
	switch {
	case next == "(":
		r.callOrPerm(ty, name, i)
	case static:
		if next == "." && isUpper(name) || ty == "android.Manifest" {
			return // a nested class on the way to the member
		}
		r.emit(ty, name, i, nil)
	case r.f.kotlin && !isUpper(name) && !r.ix.classes[ty]:
		// Kotlin synthetic property: tm.deviceId is tm.getDeviceId()
		r.emit(ty, "get"+strings.ToUpper(name[:1])+name[1:], i, nil)
	}
}

func (r *refs) callOrPerm(class, member string, i int) {
	if member == "requestPermissions" || member == "launch" || member == "requestPermission" {
		perms := r.permArgs(i + 1)
		if len(perms) > 0 || member == "requestPermissions" {
			r.emit("android.app.Activity", "requestPermissions", i, perms)
			return
		}
	}
	r.emit(class, member, i, nil)
}

// permArgs collects Manifest.permission.X and "android.permission.X" between the
// parenthesis at open and its match, following variables that hold permission arrays.
func (r *refs) permArgs(open int) []string {
	t := r.f.toks
	if r.tok(open).text != "(" {
		return nil
	}
	end := matchClose(t, open)
	if end < 0 {
		return nil
	}
	var out []string
	for k := open + 1; k < end; k++ {
		if p := permAt(t, k); p != "" {
			out = append(out, p)
		} else if t[k].kind == tIdent && r.perms[t[k].text] != nil && r.tok(k-1).text != "." {
			out = append(out, r.perms[t[k].text]...)
		}
	}
	return out
}

func permAt(t []token, k int) string {
	if t[k].kind == tString && strings.HasPrefix(t[k].text, "android.permission.") {
		return t[k].text
	}
	if t[k].text == "permission" && k >= 2 && t[k-1].text == "." && t[k-2].text == "Manifest" &&
		k+2 < len(t) && t[k+1].text == "." && t[k+2].kind == tIdent {
		return "android.permission." + t[k+2].text
	}
	return ""
}

func matchClose(t []token, open int) int {
	depth := 0
	for k := open; k < len(t) && k < open+4000; k++ {
		switch t[k].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

func matchBrace(t []token, open int) int {
	depth := 0
	for k := open; k < len(t) && k < open+4000; k++ {
		switch t[k].text {
		case "{":
			depth++
		case "}":
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

func matchOpen(t []token, closeIdx int) int {
	depth := 0
	for k := closeIdx; k >= 0 && k > closeIdx-4000; k-- {
		switch t[k].text {
		case ")":
			depth++
		case "(":
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// exprType infers the type of the expression ending at token end; static is true
// when the expression names a class rather than a value.
func (r *refs) exprType(end int) (typ string, static bool) {
	t := r.f.toks
	if end < 0 || end >= len(t) || r.depth >= maxExprDepth {
		return "", false
	}
	r.depth++
	defer func() { r.depth-- }()
	tk := t[end]
	switch {
	case tk.kind == tIdent:
		start := end
		for n := 0; start >= 2 && t[start-1].text == "." && t[start-2].kind == tIdent; n++ {
			if n == maxChain {
				return "", false // no real name is this long
			}
			start -= 2
		}
		if start > 0 && (t[start-1].text == "." || t[start-1].text == "?.") {
			return "", false // member of a call result: unknown
		}
		chain := make([]string, 0, (end-start)/2+1)
		for k := start; k <= end; k += 2 {
			chain = append(chain, t[k].text)
		}
		return r.chainType(chain)
	case tk.text == "!!":
		return r.exprType(end - 1)
	case tk.text == ")":
		return r.parenType(end)
	}
	return "", false
}

func (r *refs) parenType(end int) (string, bool) {
	t := r.f.toks
	j := matchOpen(t, end)
	if j < 0 {
		return "", false
	}
	if b := r.tok(j - 1); b.kind == tIdent {
		switch {
		case b.text == "getSystemService":
			return r.serviceType(j, end), false
		case getterTypes[b.text] != "":
			return getterTypes[b.text], false
		case singletonGetters[b.text] && r.tok(j-2).text == ".":
			// X.getInstance().m(): the singleton is an X
			if ty, static := r.exprType(j - 3); static {
				return ty, false
			}
		case isUpper(b.text): // constructor call
			if ty, static := r.exprType(j - 1); static {
				return ty, false
			}
		}
		return "", false
	} else if b.text == ">" { // Kotlin getSystemService<T>()
		for k := j - 2; k >= 0 && k > j-20; k-- {
			if t[k].text == "<" {
				if r.tok(k-1).text == "getSystemService" {
					ty, _ := r.chainType(strings.Split(qualifiedAt(t, k+1), "."))
					return ty, false
				}
				break
			}
		}
		return "", false
	}
	// ((T) expr) in Java, (expr as T) in Kotlin
	if r.tok(j+1).text == "(" {
		if k := matchClose(t, j+1); k > 0 && k < end && r.tok(k-1).kind == tIdent {
			if ty, static := r.exprType(k - 1); static {
				return ty, false
			}
		}
	}
	if r.tok(end-2).text == "as" || r.tok(end-3).text == "as" && r.tok(end-2).text == "?" {
		if ty, static := r.exprType(end - 1); static {
			return ty, false
		}
	}
	return "", false
}

// serviceType reads getSystemService's argument: Context.X_SERVICE, "phone", X::class.java, X.class.
func (r *refs) serviceType(open, end int) string {
	t := r.f.toks
	for k := open + 1; k < end; k++ {
		tk := t[k]
		if tk.kind == tString || tk.kind == tIdent && strings.HasSuffix(tk.text, "_SERVICE") {
			if ty := serviceTypes[tk.text]; ty != "" {
				return ty
			}
		}
		if tk.kind == tIdent && (r.tok(k+1).text == "::" || r.tok(k+1).text == ".") && r.tok(k+2).text == "class" {
			ty, _ := r.exprType(k)
			return ty
		}
	}
	return ""
}

func (r *refs) chainType(chain []string) (string, bool) {
	if len(chain) == 0 || chain[0] == "" {
		return "", false
	}
	head := chain[0]
	if len(chain) == 1 {
		switch head {
		case "this":
			return r.w.classFQ(), false
		case "super":
			return r.ix.supers[r.w.classFQ()], false
		}
		if ty, ok := r.vars[head]; ok {
			return ty, false
		}
		if r.f.kotlin && kotlinProps[head] != "" {
			return kotlinProps[head], false
		}
		if ty := r.resolve(head); ty != "" {
			return ty, true
		}
		return "", false
	}
	if head == "this" && len(chain) == 2 {
		if ty, ok := r.vars[chain[1]]; ok {
			return ty, false // this.field
		}
	}
	if last := chain[len(chain)-1]; r.f.kotlin && kotlinProps[last] != "" && !isUpper(head) {
		return kotlinProps[last], false // applicationContext.packageManager
	}
	if _, ok := r.vars[head]; ok {
		return "", false
	}
	var base string
	k := 1
	if isUpper(head) {
		if base = r.resolve(head); base == "" {
			return "", false
		}
	} else {
		for k < len(chain) && !isUpper(chain[k]) {
			k++
		}
		if k == len(chain) {
			return "", false
		}
		base = strings.Join(chain[:k+1], ".")
		k++
	}
	for ; k < len(chain); k++ {
		seg := chain[k]
		if !isUpper(seg) && !(base == "android.Manifest" && strings.HasPrefix(seg, "permission")) {
			return "", false
		}
		base += "$" + seg
	}
	return base, true
}

// varDecl records the type of a variable declared at token i (the name).
func (r *refs) varDecl(i int) {
	t := r.f.toks
	name := t[i].text
	prev, next := r.tok(i-1), r.tok(i+1)
	switch {
	case next.text == ":" && r.f.kotlin:
		if prev.text == "class" || prev.text == "object" || prev.text == "interface" || prev.kind != tIdent && prev.text != "(" && prev.text != "," {
			return
		}
		q := qualifiedAt(t, i+2)
		if q == "" {
			return
		}
		ty, _ := r.chainType(strings.Split(q, "."))
		r.vars[name] = ty
	case next.text == "=" && (prev.text == "val" || prev.text == "var") || r.f.kotlin && next.text == "=" && prev.text == ":":
		r.infer(name, i+2)
	case r.f.kotlin && next.text == "by" && r.tok(i+2).text == "lazy" && (prev.text == "val" || prev.text == "var"):
		// val x by lazy { …; expr }: the lambda's last expression
		open := i + 3
		if r.tok(open).text == "(" {
			open = matchClose(t, open) + 1
		}
		if open > 0 && r.tok(open).text == "{" {
			if end := matchBrace(t, open); end > open+1 {
				ty, _ := r.exprType(end - 1)
				r.vars[name] = ty
			}
		}
	case !r.f.kotlin && next.text == "=" && prev.text == "]":
		r.initPerms(name, i+2)
	case !r.f.kotlin && (next.text == "=" || next.text == ";" || next.text == "," || next.text == ")" || next.text == ":"):
		if prev.kind != tIdent && prev.text != ">" || javaNotMethod[prev.text] || prev.text == "instanceof" || prev.text == "yield" {
			return
		}
		te := i - 1
		if prev.text == ">" {
			for te > 0 && i-te < 40 && t[te].text != "<" {
				te--
			}
			te--
		}
		if te < 0 || t[te].kind != tIdent {
			return
		}
		ty, static := r.exprType(te)
		if !static {
			ty = ""
		}
		r.vars[name] = ty
		if next.text == "=" {
			r.initPerms(name, i+2)
		}
	}
}

// infer sets a Kotlin val/var's (or Java var's) type from its initialiser.
func (r *refs) infer(name string, from int) {
	t := r.f.toks
	if from >= len(t) {
		return
	}
	line := t[from].line
	depth := 0
	end := from
	for k := from; k < len(t) && k < from+400; k++ {
		switch t[k].text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		case ";", "{", "}":
			if depth <= 0 {
				k = len(t)
				continue
			}
		}
		if depth <= 0 && k+1 < len(t) && t[k+1].line != line && !continues(t[k+1].text) {
			end = k
			break
		}
		end = k
	}
	ty, _ := r.exprType(end)
	r.vars[name] = ty
	r.initPerms(name, from)
}

func (r *refs) initPerms(name string, from int) {
	t := r.f.toks
	var ps []string
	depth := 0
	for k := from; k < len(t) && k < from+400; k++ {
		switch t[k].text {
		case "(", "{", "[":
			depth++
		case ")", "}", "]":
			depth--
		}
		if depth < 0 || depth == 0 && t[k].text == ";" || r.f.kotlin && depth == 0 && k > from && t[k].line != t[from].line {
			break
		}
		if p := permAt(t, k); p != "" {
			ps = append(ps, p)
		}
	}
	if len(ps) > 0 {
		r.perms[name] = ps
	}
}

var reflectCalls = setOf("forName", "getMethod", "getDeclaredMethod", "getField", "getDeclaredField", "loadClass")

// str keeps the string literals that matter to privacy checks: identifiers read
// through strings, URIs, URLs, system files, and reflection targets.
func (r *refs) str(i int) {
	s := r.f.toks[i].text
	keep := s == "android_id" || strings.Contains(s, "://") || strings.HasPrefix(s, "ro.") ||
		strings.HasPrefix(s, "/sys/") || strings.HasPrefix(s, "/proc/") || strings.HasPrefix(s, "android.permission.") ||
		looksLikeClass(s)
	if !keep && r.tok(i-1).text == "(" && reflectCalls[r.tok(i-2).text] {
		keep = true
	}
	if !keep || len(s) > 2048 {
		return
	}
	r.strs = append(r.strs, analyzer.SourceString{Value: s, InClass: r.w.classFQ(), InMethod: r.w.method(),
		Location: analyzer.Location{Path: r.f.path, Line: r.f.toks[i].line}})
}

// looksLikeClass: "android.telephony.TelephonyManager", a reflection target.
func looksLikeClass(s string) bool {
	if len(s) < 5 || len(s) > 200 || strings.ContainsAny(s, " /:") {
		return false
	}
	d := lastDot(s)
	if d <= 0 || !isUpper(s[d+1:]) {
		return false
	}
	for _, p := range []string{"android.", "java.", "com.", "cn.", "dalvik.", "androidx."} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// continues: a Kotlin line starting with these carries on the previous expression.
func continues(s string) bool {
	return s == "." || s == "?." || s == "?" || s == ":" || s == "as" || s == "!!"
}
