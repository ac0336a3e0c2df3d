package checks

import "sort"

// permissionUsers is Result.PermissionUsers.
func (e *env) permissionUsers() map[string][]string {
	requested := map[string]bool{}
	for _, p := range e.facts().App.Permissions {
		requested[p.Name] = true
	}
	sets := map[string]map[string]bool{}
	for _, h := range e.findAPIs(nil) {
		owner := e.owner(e.code().methods[h.Method].Class)
		if owner == "" {
			continue
		}
		for _, p := range h.Spec.Perms {
			if !requested[p] {
				continue
			}
			if sets[p] == nil {
				sets[p] = map[string]bool{}
			}
			sets[p][owner] = true
		}
	}
	out := make(map[string][]string, len(sets))
	for p, s := range sets {
		owners := make([]string, 0, len(s))
		for o := range s {
			owners = append(owners, o)
		}
		sort.Strings(owners)
		out[p] = owners
	}
	return out
}
