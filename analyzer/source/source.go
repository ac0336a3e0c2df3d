// Package source reads an Android Gradle project (manifests, Gradle files, resources,
// Java/Kotlin sources) into the same analyzer.Facts an APK gives.
package source

import (
	"context"
	"errors"

	"github.com/hegui-dev/hegui/analyzer"
)

// IsProject reports whether dir holds a Gradle project or an AndroidManifest.xml. TEMPORARY STUB.
func IsProject(dir string) bool { return false }

// Analyze reads the project at dir. TEMPORARY STUB.
func Analyze(ctx context.Context, dir string) (*analyzer.Facts, error) {
	return nil, errors.New("source: not built yet")
}
