package report

import (
	"sort"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

// BuildSharingList drafts the 第三方SDK共享清单 from the detected SDKs: one row per
// SDK with what sdkdb knows about its vendor, purpose, PI and policy link, and
// whether the app's policy names it (nil when there is no policy).
func BuildSharingList(hits []sdkdb.Hit, pol *policy.Facts) []SharingEntry {
	named := map[string]bool{}
	if pol != nil {
		for _, m := range pol.SDKs {
			named[m.ID] = true
		}
	}
	out := make([]SharingEntry, 0, len(hits))
	for _, h := range hits {
		e := SharingEntry{SDK: h.ID, Name: h.Name, NameZH: h.NameZH, Vendor: h.Vendor, Category: h.Category, Overseas: h.Overseas}
		if h.Entry != nil {
			e.Purposes = append([]string(nil), h.Entry.Purposes...)
			e.PI = append([]string(nil), h.Entry.PI...)
			e.PolicyURL = h.Entry.PolicyURL
		}
		if pol != nil {
			d := named[h.ID]
			e.Disclosed = &d
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].SDK < out[j].SDK })
	return out
}
