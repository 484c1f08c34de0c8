package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"example.com/stub/ListItemsFunction/api"
)

// rawAnswer is what the raw-JSON path answers, as API Gateway reads it.
type rawAnswer struct {
	StatusCode int               `json:"statusCode"`
	Headers    map[string]string `json:"headers"`
	Body       string            `json:"body"`
}

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
		out, err := a.handle(ctx, event)
		if err != nil {
			t.Fatalf("%s: raw: %v", file, err)
		}
		var raw rawAnswer
		if err := json.Unmarshal(out, &raw); err != nil {
			t.Fatal(err)
		}
		typed, err := a.portOpListItems(ctx, in)
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
	}
	t.Logf("statuses compared: %v", statuses)
	for _, line := range refused {
		t.Logf("refused: %s", line)
	}
	if statuses[200] == 0 || statuses[400] == 0 {
		t.Fatalf("statuses compared: %v", statuses)
	}
}
