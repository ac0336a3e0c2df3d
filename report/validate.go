package report

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaOnce sync.Once
	schemaC    *jsonschema.Schema
	schemaErr  error
)

// Validate checks one JSON entry (a report or an input-error object, not an array)
// against the schema.
func Validate(data []byte) error {
	schemaOnce.Do(func() {
		raw, err := SchemaJSON()
		if err != nil {
			schemaErr = err
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("report.schema.json", doc); err != nil {
			schemaErr = err
			return
		}
		schemaC, schemaErr = c.Compile("report.schema.json")
	})
	if schemaErr != nil {
		return fmt.Errorf("report schema: %w", schemaErr)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("report JSON: %w", err)
	}
	return schemaC.Validate(inst)
}
