package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// keyOrder is the order of LastEvaluatedKey's attributes in the Node cursor (the table key, then the
// index key, as the DynamoDB response lists them); other attributes follow in name order.
var keyOrder = []string{"sku", "category"}

// encodeCursor is base64url(JSON.stringify(LastEvaluatedKey)) with the key order and the unescaped
// `<`, `>`, `&` of JavaScript, so a Node cursor and a Go cursor are the same bytes.
func encodeCursor(key map[string]types.AttributeValue) (string, error) {
	var decoded map[string]any
	if err := attributevalue.UnmarshalMap(key, &decoded); err != nil {
		return "", err
	}
	names := make([]string, 0, len(decoded))
	for name := range decoded {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		if rank(names[i]) != rank(names[j]) {
			return rank(names[i]) < rank(names[j])
		}
		return names[i] < names[j]
	})
	var out bytes.Buffer
	out.WriteByte('{')
	for i, name := range names {
		if i > 0 {
			out.WriteByte(',')
		}
		if err := writeJSON(&out, name); err != nil {
			return "", err
		}
		out.WriteByte(':')
		if err := writeJSON(&out, decoded[name]); err != nil {
			return "", err
		}
	}
	out.WriteByte('}')
	return base64.RawURLEncoding.EncodeToString(out.Bytes()), nil
}

func rank(name string) int {
	for i, known := range keyOrder {
		if name == known {
			return i
		}
	}
	return len(keyOrder)
}

func writeJSON(out *bytes.Buffer, value any) error {
	encoder := json.NewEncoder(out)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(value); err != nil {
		return err
	}
	out.Truncate(out.Len() - 1) // Encode ends with a newline
	return nil
}

// decodeCursor undoes encodeCursor as leniently as Node's Buffer.from(raw, "base64url"): characters
// outside both base64 alphabets are skipped and decoding stops at the first "=". A cursor that is JSON
// but not an object is passed on and fails in DynamoDB, as in Node (a 500).
func decodeCursor(raw string) (map[string]types.AttributeValue, error) {
	if raw == "" {
		return nil, nil
	}
	var value any
	if err := json.Unmarshal(lenientBase64URL(raw), &value); err != nil {
		return nil, &ValidationError{"cursor is malformed"}
	}
	object, ok := value.(map[string]any)
	if !ok {
		return nil, errors.New("cursor is not a key object")
	}
	return attributevalue.MarshalMap(object)
}

func lenientBase64URL(raw string) []byte {
	var kept strings.Builder
	for _, r := range raw {
		switch {
		case r == '=':
			return decodeKept(kept.String())
		case r == '+':
			kept.WriteByte('-')
		case r == '/':
			kept.WriteByte('_')
		case r == '-' || r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			kept.WriteRune(r)
		}
	}
	return decodeKept(kept.String())
}

func decodeKept(text string) []byte {
	if len(text)%4 == 1 {
		text = text[:len(text)-1] // a lone trailing character carries no whole byte
	}
	decoded, _ := base64.RawURLEncoding.DecodeString(text)
	return decoded
}

var (
	decimal = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)
	radix   = regexp.MustCompile(`^0([xXoObB])([0-9a-fA-F]+)$`)
)

// jsNumber is JavaScript's Number(text) for strings: surrounding whitespace ignored, "" is 0, decimal
// and 0x/0o/0b integers, ±Infinity; ok is false where JavaScript gives NaN.
func jsNumber(text string) (float64, bool) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return 0, true
	case text == "Infinity" || text == "+Infinity":
		return math.Inf(1), true
	case text == "-Infinity":
		return math.Inf(-1), true
	case decimal.MatchString(text):
		value, err := strconv.ParseFloat(text, 64)
		return value, err == nil || errors.Is(err, strconv.ErrRange)
	}
	if parts := radix.FindStringSubmatch(text); parts != nil {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[parts[1][0]]
		value, err := strconv.ParseUint(parts[2], base, 64)
		return float64(value), err == nil
	}
	return 0, false
}
