package sdkdb

import "testing/fstest"

// embedded is empty until sdkdb/data/*.yaml is committed; then this file embeds it.
var embedded = fstest.MapFS{}
