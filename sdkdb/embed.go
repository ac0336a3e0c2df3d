package sdkdb

import "embed"

// embedded holds the built-in entries, one YAML file per category.
//
//go:embed data/*.yaml
var embedded embed.FS
