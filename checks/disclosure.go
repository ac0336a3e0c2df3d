package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/policy"
)

// Disclosure is how a policy treats the personal information a permission reaches.
type Disclosure struct {
	Category string // the policy table's category key (policy.CategoryForPermission)
	// Disclosed: the policy states collecting it (by category, alias, the
	// permission's name, or a keyword); Denied: it does not, and says it does not
	// collect it. Evidence is the sentence that proves either, else nil.
	Disclosed, Denied bool
	Evidence          *policy.Evidence
}

// DisclosureOf is the one disclosure test: what POL-012 reports and the report's
// permission table shows. ok is false when perm reaches no PI category or pol is nil.
func DisclosureOf(pol *policy.Facts, perm string) (d Disclosure, ok bool) {
	key := policy.CategoryForPermission(perm)
	cat := piCategoryByKey(key)
	if pol == nil || cat == nil {
		return Disclosure{}, false
	}
	d.Category = key
	if covered, ev := covers(pol, cat, perm); covered {
		d.Disclosed, d.Evidence = true, ev
	} else if den := denies(pol, cat, perm); den != nil {
		d.Denied, d.Evidence = true, den
	}
	return d, true
}

// DisclosureEvidence picks the sentence of a policy disclosure that best proves perm
// (a full permission name, or "" for the category alone) is disclosed: one naming the
// permission (存储权限, READ_EXTERNAL_STORAGE) beats one naming the category's words,
// which beats one with a single loose keyword (图片 for storage). It returns false when
// d has no sentence stating collection.
func DisclosureEvidence(d *policy.PIDisclosure, perm string) (policy.Evidence, bool) {
	if d == nil || len(d.Evidence) == 0 {
		return policy.Evidence{}, false
	}
	cat := piCategoryFor(d.Category, perm)
	best, bestScore := 0, -1
	for i, ev := range d.Evidence {
		if s := disclosureScore(ev.Sentence, cat, perm); s > bestScore {
			best, bestScore = i, s
		}
	}
	return d.Evidence[best], true
}

// piCategoryFor is hegui's category for a permission, else for a policy category key.
func piCategoryFor(key, perm string) *piCategory {
	if pp, ok := lookupPrivacyPermission(perm); ok {
		return piCategoryByKey(pp.PI)
	}
	if c := piCategoryByKey(key); c != nil {
		return c
	}
	for i := range piCategories {
		for _, a := range piCategories[i].Aliases {
			if a == key {
				return &piCategories[i]
			}
		}
	}
	return nil
}

// disclosureScore rates how directly a sentence speaks of the permission: 4 for a
// category word followed closely by 权限 (存储权限, 位置信息权限), 3 for the
// permission's name, 1 for each distinct category word.
func disclosureScore(sentence string, cat *piCategory, perm string) int {
	low := strings.ToLower(sentence)
	score := 0
	if perm != "" && (strings.Contains(low, strings.ToLower(perm)) || strings.Contains(low, strings.ToLower(shortPerm(perm)))) {
		score += 3
	}
	if cat == nil {
		return score
	}
	permPhrase := false
	for _, k := range cat.Keywords {
		kl := strings.ToLower(k)
		i := strings.Index(low, kl)
		if i < 0 {
			continue
		}
		score++
		after := []rune(low[i+len(kl):])
		if len(after) > 6 {
			after = after[:6]
		}
		if strings.Contains(string(after), "权限") {
			permPhrase = true
		}
	}
	if permPhrase {
		score += 4
	}
	return score
}
