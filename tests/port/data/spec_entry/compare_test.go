package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// rawAnswer is what the raw-JSON path answers, as API Gateway reads it.
type rawAnswer struct {
	StatusCode int               `json:"statusCode"`
	Headers    map[string]string `json:"headers"`
	Body       string            `json:"body"`
}

// rawPath runs handle (the raw-JSON path Lambda calls) on the case's exact event.
func rawPath(ctx context.Context, t *testing.T, a *app, file string, event []byte) rawAnswer {
	t.Helper()
	out, err := a.handle(ctx, event)
	if err != nil {
		t.Fatalf("%s: raw: %v", file, err)
	}
	var raw rawAnswer
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatal(err)
	}
	return raw
}

// sameAnswer checks a typed entry's answer (an api output, with StatusCode() and a Body field) against
// the raw path's: the same status and body as JSON values. It returns the refusal line when the typed
// entry refused the raw answer, which must be an error naming its status, never a zero value.
func sameAnswer(t *testing.T, file string, typed interface{ StatusCode() int }, err error, raw rawAnswer) string {
	t.Helper()
	if err != nil {
		if !strings.Contains(err.Error(), fmt.Sprintf("decode the %d answer's body", raw.StatusCode)) {
			t.Fatalf("%s: typed: %v", file, err)
		}
		return fmt.Sprintf("%s: %v", filepath.Base(file), err)
	}
	if typed.StatusCode() != raw.StatusCode {
		t.Fatalf("%s: typed status %d, raw %d", file, typed.StatusCode(), raw.StatusCode)
	}
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
	return ""
}
