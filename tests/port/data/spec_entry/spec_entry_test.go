package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/stub/GetItemFunction/api"
)

// TestSpecEntry runs each golden case of the hand port of getItem that has a sku through handle (the
// raw-JSON path Lambda calls, with the case's exact event) and through portOpGetItem with
// api.GetItemInput{Sku: sku}: the status, the body (as JSON values) and cache-control agree, or the
// typed entry refuses the answer naming its status (getItem's 400 and 404 are middy's text/plain, the
// spec says JSON; an item without quantity breaks the 200's schema).
func TestSpecEntry(t *testing.T) {
	ctx := context.Background()
	a, err := newApp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(os.Getenv("SPEC_ENTRY_CASES"), "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in SPEC_ENTRY_CASES (%v)", err)
	}
	statuses := map[int]int{}
	var refused []string
	answered := map[int]bool{}
	for _, file := range files {
		event, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var request struct {
			PathParameters map[string]string `json:"pathParameters"`
		}
		if err := json.Unmarshal(event, &request); err != nil {
			t.Fatal(err)
		}
		sku, ok := request.PathParameters["sku"]
		if !ok || sku == "" { // a request the spec cannot express (no sku): nothing to compare
			continue
		}
		raw := rawPath(ctx, t, a, file, event)
		answered[raw.StatusCode] = true
		typed, err := a.portOpGetItem(ctx, api.GetItemInput{Sku: sku})
		if line := sameAnswer(t, file, typed, err, raw); line != "" {
			refused = append(refused, line) // the operation's schema refused the answer, naming its status
			continue
		}
		statuses[raw.StatusCode]++
		if ok200, is := typed.(api.GetItem200); is {
			if ok200.CacheControl == nil || *ok200.CacheControl != raw.Headers["cache-control"] {
				t.Errorf("%s: cache-control %v, raw %q", file, ok200.CacheControl, raw.Headers["cache-control"])
			}
		}
	}
	t.Logf("statuses compared: %v", statuses)
	for _, line := range refused {
		t.Logf("refused: %s", line)
	}
	// 200 (an item) compared; 404 (unknown sku) and 400 (invalid sku) answered, compared or refused.
	if statuses[200] == 0 || !answered[404] || !answered[400] {
		t.Fatalf("statuses compared: %v, answered %v", statuses, answered)
	}
}

// TestSpecEntryHandlerError: with a table that does not exist the handler throws (Lambda reports an
// error, no statusCode): portOpGetItem answers that error, not a zero value.
func TestSpecEntryHandlerError(t *testing.T) {
	t.Setenv("INVENTORY_TABLE", "no-such-table")
	ctx := context.Background()
	a, err := newApp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out, err := a.portOpGetItem(ctx, api.GetItemInput{Sku: "DRILL-18V"})
	if err == nil || out != nil || !strings.Contains(err.Error(), "ResourceNotFoundException") {
		t.Fatalf("got %v, %v", out, err)
	}
}
