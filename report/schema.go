package report

import (
	"encoding/json"
	"path"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/hegui-dev/hegui/checks"
)

//go:generate go test -run TestSchemaUpToDate -update .

// SchemaJSON returns the JSON Schema of one entry of `hegui scan --format json`
// (or one JSON Lines line): a Report, or an InputError for an input that could not
// be analysed. It is generated from the Go types; the copy shipped as
// report/schema.json is kept equal to it by a test.
func SchemaJSON() ([]byte, error) {
	r := &jsonschema.Reflector{
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			if t == reflect.TypeOf(checks.Severity(0)) {
				enum := make([]any, len(SeverityNames))
				for i, n := range SeverityNames {
					enum[i] = n
				}
				return &jsonschema.Schema{Type: "string", Enum: enum}
			}
			return nil
		},
		// Several packages define Evidence: qualify definitions by package.
		Namer: func(t reflect.Type) string {
			pkg := path.Base(t.PkgPath())
			if pkg == "report" || pkg == "." || pkg == "" {
				return t.Name()
			}
			return strings.ToUpper(pkg[:1]) + pkg[1:] + t.Name()
		},
	}
	s := r.Reflect(&Report{})
	e := r.Reflect(&InputError{})
	for name, d := range e.Definitions {
		s.Definitions[name] = d
	}
	s.OneOf = []*jsonschema.Schema{{Ref: s.Ref}, {Ref: e.Ref}}
	s.Ref = ""
	s.Title = "hegui report, schema_version " + SchemaVersion
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
