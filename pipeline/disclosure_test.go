package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hegui-dev/hegui/report"
)

// A policy that says it does not collect contacts or SMS does not disclose them: the
// matrix says "denied" and quotes the denial, and POL-012 agrees with the matrix.
func TestDeniedCategoryIsNotDisclosed(t *testing.T) {
	r, _ := scanJSON(t, "../testdata/apk/legacy.apk", Options{PolicyFiles: []string{"../testdata/policy/negations-zh.md"}})
	perms := map[string]report.Permission{}
	for _, p := range r.Permissions {
		perms[p.Name] = p
	}
	for perm, word := range map[string]string{"android.permission.READ_CONTACTS": "通讯录", "android.permission.READ_SMS": "短信"} {
		p := perms[perm]
		if p.Disclosed == nil || *p.Disclosed || !p.Denied || !strings.Contains(p.Evidence, word) || !strings.Contains(p.Evidence, "不会") {
			t.Errorf("%s = %+v; want not disclosed, denied, with the denial sentence as evidence", perm, p)
		}
		pol012 := false
		for _, f := range r.Findings {
			if f.Rule == "CNPI-POL-012" && strings.Contains(f.Message, strings.TrimPrefix(perm, "android.permission.")) {
				pol012 = true
			}
		}
		if !pol012 {
			t.Errorf("no POL-012 for %s although the matrix says it is not disclosed", perm)
		}
	}
	if p := perms["android.permission.READ_PHONE_STATE"]; p.Disclosed == nil || !*p.Disclosed || p.Denied || p.Evidence == "" {
		t.Errorf("READ_PHONE_STATE = %+v; want disclosed by 设备信息 with its sentence", p)
	}
}

// A scan cut short by the per-target deadline says which flag to raise.
func TestTimeoutNamesTheFlag(t *testing.T) {
	_, err := Run(context.Background(), "../testdata/apk/demo.apk", Options{Timeout: time.Nanosecond})
	if err == nil || !strings.Contains(err.Error(), "--timeout 1ns") || !strings.Contains(err.Error(), "demo.apk") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v; want the target and --timeout named", err)
	}
}
