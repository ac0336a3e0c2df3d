// Package pipeline runs analyzer → sdkdb/policy → checks for one target and builds
// the report object; cmd/hegui calls it, the report encoders render its result.
package pipeline

import (
	"context"
	"errors"

	"github.com/hegui-dev/hegui/report"
)

// Options are the scan settings that shape the result (not the output format).
type Options struct {
	AppType     string            // --app-type
	PolicyFiles []string          // --policy
	SDKDBFiles  []string          // --sdkdb
	Disabled    []string          // rule IDs not to run
	Severity    map[string]string // rule ID → severity override
}

// Run scans one target (an APK, or an Android source tree). TEMPORARY STUB.
func Run(ctx context.Context, target string, opts Options) (*report.Report, error) {
	return nil, errors.New("pipeline: not built yet")
}
