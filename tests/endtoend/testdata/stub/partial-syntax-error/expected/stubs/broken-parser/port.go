// Package main: port.go is yours. migrate stub wrote it once and never overwrites it; the other
// .go files are generated (rerun `migrate stub` to refresh them, `--check` to see drift).
package main

import (
	"context"
	"encoding/json"
)

// handleDirect is the body of the Node handler broken-parser/index.js (export handler) for direct events.
// Return the Node error types as the Go types of errors.go: FeedFormatError.
func (a *app) handleDirect(ctx context.Context, event json.RawMessage) (json.RawMessage, error) {
	return nil, &NotImplementedError{Function: "broken-parser", Source: "direct"}
}
