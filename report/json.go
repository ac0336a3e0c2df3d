package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes one indented report, or an array when there are several (or
// o.Array is set). Failed inputs are InputError objects in the array, in input
// order; a single failed input (not a batch) is written as that one object.
func WriteJSON(w io.Writer, reps []*Report, o Options) error {
	var v any
	switch {
	case len(reps) == 1 && len(o.Failed) == 0 && !o.Array:
		v = reps[0]
	case len(reps) == 0 && len(o.Failed) == 1 && !o.Array:
		v = o.Failed[0]
	default:
		v = entries(reps, o.Failed)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteJSONL writes one compact object per line: a report, or an InputError for
// an input that could not be analysed.
func WriteJSONL(w io.Writer, reps []*Report, o Options) error {
	for _, e := range entries(reps, o.Failed) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e); err != nil {
			return err
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
