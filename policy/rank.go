package policy

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// ranked is a candidate evidence sentence: the best ones are quoted, not the first.
type ranked struct {
	ev    Evidence
	score int
	order int // position in the documents: ties keep the earlier sentence
}

// keepBest adds r to list, which holds at most maxEvidence distinct sentences: the
// highest scores, the earliest among equals.
func keepBest(list []ranked, r ranked) []ranked {
	worst := -1
	for i, x := range list {
		if x.ev.Sentence == r.ev.Sentence && x.ev.Path == r.ev.Path {
			if r.score > x.score {
				list[i].score = r.score
			}
			return list
		}
		if worst < 0 || x.score < list[worst].score || x.score == list[worst].score && x.order > list[worst].order {
			worst = i
		}
	}
	if len(list) < maxEvidence {
		return append(list, r)
	}
	if r.score > list[worst].score {
		list[worst] = r
	}
	return list
}

// best returns the evidence of list, best first.
func best(list []ranked) []Evidence {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].order < list[j].order
	})
	out := make([]Evidence, 0, len(list))
	for _, r := range list {
		out = append(out, r.ev)
	}
	return out
}

// itemScore says how specifically sentence s proves rule r's item: a sentence that
// matches its best pattern (监护人 for minors, 投诉 for the complaint channel) beats
// one that only holds a trigger; one under the item's own heading beats one elsewhere.
func (r *itemRule) score(s *sentence) int {
	n := 0
	if r.best != nil && r.best.MatchString(s.low) {
		n += 2
	}
	if r.worse != nil && r.worse.MatchString(s.low) {
		n -= 2
	}
	if r.section != nil && r.section.MatchString(lowerASCII(s.section)) {
		n++
	}
	return n
}

// categoryScore says how well keyword hit h proves collecting a category: it names
// the category's permission ("存储权限", "相机权限" — not another category's), states
// collecting or sits in a collection list (collects, computed once per sentence),
// with a keyword that names the category ("存储权限", "位置信息") rather than one
// that may not ("图片", "定位").
func categoryScore(s *sentence, h hit, keyword string, collects bool) int {
	n := 0
	rest := s.low[h.end:]
	if strings.Contains(keyword, "权限") || strings.Contains(keyword, "permission") ||
		strings.HasPrefix(rest, "权限") || strings.HasPrefix(rest, " permission") || strings.HasPrefix(rest, "的权限") {
		n += 2
	}
	if collects || s.inCollList {
		n++
	}
	if utf8.RuneCountInString(keyword) >= 3 {
		n++
	}
	return n
}

var collectWords = []string{"收集", "获取", "读取", "访问", "申请", "调用", "提供", "填写", "上传", "collect", "access", "request", "provide"}
