package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"example.com/stub/ListItemsFunction/api"
)

// input is the case's query as api.ListItemsInput, or false when the spec's types cannot hold it
// (a limit that is no integer, no category).
func input(query map[string]string) (api.ListItemsInput, bool) {
	in := api.ListItemsInput{Limit: 25} // the spec's default, as codegen's decoder sets it
	category, ok := query["category"]
	if !ok {
		return in, false
	}
	in.Category = category
	if v, ok := query["inStock"]; ok {
		stock := api.ListItemsInStock(v)
		in.InStock = &stock
	}
	if v, ok := query["limit"]; ok {
		limit, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return in, false
		}
		in.Limit = limit
	}
	if v, ok := query["cursor"]; ok {
		in.Cursor = &v
	}
	return in, true
}

// TestSpecEntry runs each golden case of the hand port of listItems that the spec's types can hold
// through handle (the raw-JSON path Lambda calls, with the case's exact event) and through
// portOpListItems with the same query as api.ListItemsInput: status and body (as JSON values) agree.
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
	for _, file := range files {
		event, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var request struct {
			Query map[string]string `json:"queryStringParameters"`
		}
		if err := json.Unmarshal(event, &request); err != nil {
			t.Fatal(err)
		}
		in, ok := input(request.Query)
		if !ok {
			continue
		}
		raw := rawPath(ctx, t, a, file, event)
		typed, err := a.portOpListItems(ctx, in)
		if line := sameAnswer(t, file, typed, err, raw); line != "" {
			refused = append(refused, line) // the operation's schema refused the answer, naming its status
			continue
		}
		statuses[raw.StatusCode]++
	}
	t.Logf("statuses compared: %v", statuses)
	for _, line := range refused {
		t.Logf("refused: %s", line)
	}
	if statuses[200] == 0 || statuses[400] == 0 {
		t.Fatalf("statuses compared: %v", statuses)
	}
}
