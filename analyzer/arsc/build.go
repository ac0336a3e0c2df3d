package arsc

// NewTable returns an empty table for readers of other encodings of the same
// data (the protobuf resource tables of app bundles). They append to Strings and
// Configs directly and record values with Add.
func NewTable(pkg string, lim Limits) *Table {
	if lim.MaxStrings <= 0 {
		lim.MaxStrings = DefaultLimits.MaxStrings
	}
	if lim.MaxStringLen <= 0 {
		lim.MaxStringLen = DefaultLimits.MaxStringLen
	}
	if lim.MaxValues <= 0 {
		lim.MaxValues = DefaultLimits.MaxValues
	}
	return &Table{Package: pkg, values: map[uint32][]Value{}, names: map[uint32]string{}, lim: lim}
}

// Limits returns the limits the table was made with, defaults filled in.
func (t *Table) Limits() Limits { return t.lim }

// Add records v (v.Config indexes Configs) for resource id, named "type/entry";
// the first name given for an id stays. It returns false, recording nothing,
// once the table holds MaxValues values.
func (t *Table) Add(id uint32, name string, v Value) bool {
	if t.nvals >= t.lim.MaxValues {
		return false
	}
	if _, seen := t.names[id]; !seen && name != "" {
		t.names[id] = name
	}
	t.nvals++
	t.values[id] = append(t.values[id], v)
	return true
}
