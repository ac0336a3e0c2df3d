package dex

import "errors"

// Parse reads one DEX file within lim. TEMPORARY STUB: replaced by the DEX reader.
func Parse(b []byte, lim Limits) (*File, error) {
	return nil, errors.New("dex: reader not built yet")
}
