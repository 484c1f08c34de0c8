package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"example.com/stub/GetItemFunction/api"
)

// rawAnswer is what the raw-JSON path answers, as API Gateway reads it.
type rawAnswer struct {
	StatusCode int               `json:"statusCode"`
	Headers    map[string]string `json:"headers"`
	Body       string            `json:"body"`
}

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
		out, err := a.handle(ctx, event)
		if err != nil {
			t.Fatalf("%s: raw: %v", file, err)
		}
		var raw rawAnswer
		if err := json.Unmarshal(out, &raw); err != nil {
			t.Fatal(err)
		}
		answered[raw.StatusCode] = true
		typed, err := a.portOpGetItem(ctx, api.GetItemInput{Sku: sku})
		if err != nil {
			// An answer the operation's schema refuses is an error naming its status, never a zero.
			if !strings.Contains(err.Error(), fmt.Sprintf("decode the %d answer's body", raw.StatusCode)) {
				t.Fatalf("%s: typed: %v", file, err)
			}
			refused = append(refused, fmt.Sprintf("%s: %v", filepath.Base(file), err))
			continue
		}
		if typed.StatusCode() != raw.StatusCode {
			t.Fatalf("%s: typed status %d, raw %d", file, typed.StatusCode(), raw.StatusCode)
		}
		statuses[raw.StatusCode]++
		body, err := json.Marshal(reflect.ValueOf(typed).FieldByName("Body").Interface())
		if err != nil {
			t.Fatal(err)
		}
		var viaTyped, viaRaw any
		if err := json.Unmarshal(body, &viaTyped); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(raw.Body), &viaRaw); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(viaTyped, viaRaw) {
			t.Errorf("%s: typed body %s, raw body %s", file, body, raw.Body)
		}
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
