package main

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"unicode/utf16"
)

var skuPattern = regexp.MustCompile(`^[A-Z0-9-]{4,32}$`)

var reasons = map[string]bool{"RECEIVED": true, "SOLD": true, "RETURNED": true, "DAMAGED": true, "RECOUNT": true}

// adjustment is one validated message, as the Node code's zod schema accepts it.
type adjustment struct {
	SKU    string
	Delta  float64
	Reason string
}

// parse checks a message body the way the zod schema does; the issue texts go to the logs only.
func parse(body string) (adjustment, error) {
	decoder := json.NewDecoder(bytes.NewReader([]byte(body)))
	decoder.UseNumber()
	var raw any
	if err := decoder.Decode(&raw); err != nil || decoder.More() {
		return adjustment{}, &ValidationError{Message: "message body is not JSON"}
	}
	object, ok := raw.(map[string]any)
	if !ok {
		return adjustment{}, &ValidationError{Message: "invalid stock adjustment", Issues: []string{": Expected object"}}
	}
	var issues []string
	sku, ok := object["sku"].(string)
	if !ok || !skuPattern.MatchString(sku) {
		issues = append(issues, "sku: Invalid")
	}
	delta, ok := integer(object["delta"])
	if !ok || delta == 0 {
		issues = append(issues, "delta: Invalid")
	}
	reason, ok := object["reason"].(string)
	if !ok || !reasons[reason] {
		issues = append(issues, "reason: Invalid enum value")
	}
	if reference, present := object["reference"]; present {
		text, ok := reference.(string)
		if !ok || len(utf16.Encode([]rune(text))) > 64 { // zod counts UTF-16 code units, as JavaScript does
			issues = append(issues, "reference: Invalid")
		}
	}
	if issues != nil {
		return adjustment{}, &ValidationError{Message: "invalid stock adjustment", Issues: issues}
	}
	return adjustment{sku, delta, reason}, nil
}

// integer accepts what zod's z.number().int() does: a JSON number whose double value is whole (1e300
// included, as Number.isInteger says).
func integer(value any) (float64, bool) {
	number, ok := value.(json.Number)
	if !ok {
		return 0, false
	}
	parsed, err := strconv.ParseFloat(string(number), 64)
	if err != nil || math.IsInf(parsed, 0) || parsed != math.Trunc(parsed) {
		return 0, false
	}
	return parsed, true
}

// jsString formats a number as JavaScript's String(n) does for whole numbers: plain digits below 1e21,
// exponent notation ("1e+300") above; the DynamoDB client sends numbers in this text.
func jsString(n float64) string {
	if math.Abs(n) < 1e21 {
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	return strconv.FormatFloat(n, 'g', -1, 64)
}
