package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes one indented report, or an array when there are several (or
// o.Array is set).
func WriteJSON(w io.Writer, reps []*Report, o Options) error {
	var v any = reps
	if len(reps) == 1 && !o.Array {
		v = reps[0]
	}
	if v == nil || (len(reps) == 0) {
		v = []*Report{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteJSONL writes one compact report per line.
func WriteJSONL(w io.Writer, reps []*Report) error {
	for _, r := range reps {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return err
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
