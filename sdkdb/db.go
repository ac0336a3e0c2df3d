package sdkdb

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/hegui-dev/hegui/internal/bounded"
	"io"
	"io/fs"
	"path"
	"sort"

	"go.yaml.in/yaml/v3"
)

// maxFileSize bounds one database file (embedded or --sdkdb).
const maxFileSize = 8 << 20

// DB is the loaded knowledge base.
type DB struct {
	Entries []Entry // sorted by category, then ID

	byID   map[string]*Entry
	source map[string]string // ID → file it came from, for messages
	idx    *index
}

// Load returns the embedded database merged with the user's files (--sdkdb), whose
// entries add to or override embedded ones by ID.
func Load(extra ...string) (*DB, error) {
	return loadFS(embedded, extra...)
}

// loadFS is Load with the built-in files read from fsys (data/*.yaml).
func loadFS(fsys fs.FS, extra ...string) (*DB, error) {
	names, err := fs.Glob(fsys, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var base []sourced
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("sdkdb: %s: %w", name, err)
		}
		entries, err := decodeFile("sdkdb/"+name, data)
		if err != nil {
			return nil, err
		}
		base = append(base, entries...)
	}
	if err := checkUnique(base); err != nil {
		return nil, err
	}
	merged := base
	for _, file := range extra {
		data, err := readUserFile(file)
		if err != nil {
			return nil, err
		}
		entries, err := decodeFile(file, data)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 {
			return nil, fmt.Errorf("sdkdb: %s: no entries (expected a YAML sequence of SDK entries)", file)
		}
		if err := checkUnique(entries); err != nil {
			return nil, err
		}
		merged = mergeEntries(merged, entries)
	}
	return build(merged)
}

// sourced is an entry with the file it was read from.
type sourced struct {
	Entry
	file string
}

func readUserFile(file string) ([]byte, error) {
	data, err := bounded.ReadFile(file, maxFileSize)
	var pe *fs.PathError
	switch {
	case errors.Is(err, bounded.ErrTooLarge):
		return nil, fmt.Errorf("sdkdb: %s: larger than %d MB", file, maxFileSize>>20)
	case errors.As(err, &pe) && pe.Op == "open":
		return nil, fmt.Errorf("sdkdb: %w", err)
	case err != nil:
		return nil, fmt.Errorf("sdkdb: %s: %w", file, err)
	}
	return data, nil
}

// decodeFile reads one YAML sequence of entries, rejecting unknown fields.
func decodeFile(file string, data []byte) ([]sourced, error) {
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("sdkdb: %s: larger than %d MB", file, maxFileSize>>20)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var entries []Entry
	if err := dec.Decode(&entries); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, fmt.Errorf("sdkdb: %s: %v", file, err)
	}
	var more any
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("sdkdb: %s: more than one YAML document; put all entries in one sequence", file)
	}
	out := make([]sourced, len(entries))
	for i, e := range entries {
		out[i] = sourced{Entry: e, file: file}
	}
	return out, nil
}

func checkUnique(entries []sourced) error {
	seen := map[string]string{}
	for _, e := range entries {
		if e.ID == "" {
			continue // validate reports it with the entry's position
		}
		if prev, ok := seen[e.ID]; ok {
			return fmt.Errorf("sdkdb: %s: entry %q: duplicate id (also in %s)", e.file, e.ID, prev)
		}
		seen[e.ID] = e.file
	}
	return nil
}

// mergeEntries replaces entries of base by user entries with the same ID and adds
// the others.
func mergeEntries(base, user []sourced) []sourced {
	pos := make(map[string]int, len(base))
	for i, e := range base {
		pos[e.ID] = i
	}
	out := append([]sourced(nil), base...)
	for _, e := range user {
		if i, ok := pos[e.ID]; ok {
			out[i] = e
			continue
		}
		pos[e.ID] = len(out)
		out = append(out, e)
	}
	return out
}

const maxErrors = 20

func build(all []sourced) (*DB, error) {
	var errs []error
	for i := range all {
		if err := validateEntry(&all[i].Entry); err != nil {
			errs = append(errs, fmt.Errorf("sdkdb: %s: %s: %w", all[i].file, entryName(all[i].Entry, i), err))
		}
	}
	errs = append(errs, checkOverlaps(all)...)
	if len(errs) > maxErrors { // a screenful says what is wrong; the rest repeats it
		errs = append(errs[:maxErrors], fmt.Errorf("sdkdb: and %d more problems", len(errs)-maxErrors))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	db := &DB{
		Entries: make([]Entry, len(all)),
		byID:    make(map[string]*Entry, len(all)),
		source:  make(map[string]string, len(all)),
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Category != all[j].Category {
			return all[i].Category < all[j].Category
		}
		return all[i].ID < all[j].ID
	})
	for i := range all {
		db.Entries[i] = all[i].Entry
		db.byID[all[i].ID] = &db.Entries[i]
		db.source[all[i].ID] = all[i].file
	}
	db.idx = newIndex(db.Entries)
	return db, nil
}

func entryName(e Entry, i int) string {
	if e.ID == "" {
		return fmt.Sprintf("entry #%d", i+1)
	}
	return fmt.Sprintf("entry %q", e.ID)
}

// Get returns the entry with the given ID, or nil.
func (db *DB) Get(id string) *Entry {
	if db == nil {
		return nil
	}
	return db.byID[id]
}

// Source names the file an entry was loaded from ("sdkdb/data/push.yaml" or a
// --sdkdb path).
func (db *DB) Source(id string) string {
	if db == nil {
		return ""
	}
	return db.source[id]
}

// Categories lists the valid category values in documentation order.
func Categories() []string {
	return append([]string(nil), categories...)
}

var categories = []string{
	CatPush, CatAnalytics, CatAds, CatCrash, CatMap, CatPayment, CatSocial, CatFace,
	CatRisk, CatWebView, CatIM, CatCloud, CatFramework, CatOther,
}

// globOK reports whether pattern is a valid path.Match pattern.
func globOK(pattern string) bool {
	_, err := path.Match(pattern, "")
	return err == nil
}
