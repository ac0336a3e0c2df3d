package report

import "github.com/hegui-dev/hegui/internal/safetext"

// visible makes APK- and policy-derived text safe to show to a person (see
// internal/safetext); newlines and tabs stay. Table, Markdown, HTML and SARIF
// messages go through it. JSON and JSON Lines keep the exact values (their encoder
// escapes control characters): they are data, and consumers display them.
func visible(s string) string { return safetext.Text(s) }

// plainText is visible for SARIF messages.
func plainText(s string) string { return visible(s) }
