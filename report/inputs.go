package report

import "github.com/hegui-dev/hegui/analyzer"

// InputError is an input that could not be analysed. JSON and JSON Lines write it
// where the input's report would be, SARIF as an error notification, table and
// Markdown as a line; `hegui schema` describes it next to Report.
type InputError struct {
	SchemaVersion string      `json:"schema_version"`
	Target        ErrorTarget `json:"target"`
	Error         string      `json:"error"`
}

// ErrorTarget names the failed input like Report.Target does (target.path).
type ErrorTarget struct {
	Path string `json:"path"`
}

// NewInputError records that target could not be analysed.
func NewInputError(target string, err error) InputError {
	return InputError{SchemaVersion: SchemaVersion, Target: ErrorTarget{Path: target}, Error: err.Error()}
}

// incomplete lists the diagnostics that make the report incomplete: a part of the
// input that should have been analysed (the primary DEX, the manifest) was not.
func (r *Report) incomplete() []analyzer.Diagnostic {
	var out []analyzer.Diagnostic
	for _, d := range r.Diagnostics {
		if d.Incomplete || d.Fatal {
			out = append(out, d)
		}
	}
	return out
}

// entries interleaves reports and failed inputs by target path (both lists are in
// input order, which is path order), so batch outputs keep the input order.
func entries(reps []*Report, failed []InputError) []any {
	out := make([]any, 0, len(reps)+len(failed))
	i, j := 0, 0
	for i < len(reps) || j < len(failed) {
		if j == len(failed) || (i < len(reps) && reps[i].Target.Path <= failed[j].Target.Path) {
			out = append(out, reps[i])
			i++
		} else {
			out = append(out, failed[j])
			j++
		}
	}
	return out
}
