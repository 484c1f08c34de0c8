package jsaws

import (
	"bytes"
	"io"
	"math"
	"reflect"
	"strings"
	"time"

	ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"migrate.local/port/jsrt"
)

// Field sets *dst from the JS input object's property key, converted to the
// field's Go type as the JS SDK would serialise it; an absent, undefined or
// null property leaves the field unset.
func Field[T any](r *jsrt.Realm, in jsrt.Value, key string, dst *T) {
	if !in.IsObject() {
		return
	}
	v := in.Object().Get(key)
	if v.IsNullish() {
		return
	}
	convert(r, v, reflect.ValueOf(dst).Elem(), key)
}

var (
	attributeValueType = reflect.TypeOf((*ddb.AttributeValue)(nil)).Elem()
	readerType         = reflect.TypeOf((*io.Reader)(nil)).Elem()
	timeType           = reflect.TypeOf(time.Time{})
)

// convert stores the JS value v into dst (settable), following dst's type.
func convert(r *jsrt.Realm, v jsrt.Value, dst reflect.Value, path string) {
	if v.IsNullish() {
		return
	}
	t := dst.Type()
	switch {
	case t == attributeValueType:
		dst.Set(reflect.ValueOf(AttributeValue(r, v, path)))
		return
	case t == timeType:
		dst.Set(reflect.ValueOf(toTime(r, v, path)))
		return
	case t == readerType:
		dst.Set(reflect.ValueOf(io.Reader(bytes.NewReader(toBytes(r, v, path)))))
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		convert(r, v, p.Elem(), path)
		dst.Set(p)
	case reflect.String:
		dst.SetString(jsrt.ToString(v))
	case reflect.Bool:
		dst.SetBool(jsrt.Truthy(v))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f := jsrt.ToNumber(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			badInput(r, path, "a finite number", v)
		}
		dst.SetInt(int64(f))
	case reflect.Float32, reflect.Float64:
		dst.SetFloat(jsrt.ToNumber(v))
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			dst.SetBytes(toBytes(r, v, path))
			return
		}
		if v.Kind() != jsrt.KindArray {
			badInput(r, path, "an array", v)
		}
		items := v.Object().Items()
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, item := range items {
			convert(r, item, s.Index(i), path+"."+jsrt.NumberToString(float64(i)))
		}
		dst.Set(s)
	case reflect.Map:
		if !v.IsObject() {
			badInput(r, path, "an object", v)
		}
		m := reflect.MakeMap(t)
		for _, k := range v.Object().Keys() {
			x := v.Object().Get(k)
			if x.IsUndefined() {
				continue
			}
			e := reflect.New(t.Elem()).Elem()
			convert(r, x, e, path+"."+k)
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
		dst.Set(m)
	case reflect.Struct:
		if !v.IsObject() {
			badInput(r, path, "an object", v)
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			x := v.Object().Get(f.Name)
			if x.IsUndefined() {
				x = v.Object().Get(lowerFirst(f.Name))
			}
			convert(r, x, dst.Field(i), path+"."+f.Name)
		}
	default:
		jsrt.Throw(jsrt.NewError(r, "NotImplemented", jsrt.Str(
			"migrate port: "+path+" has Go type "+t.String()+", which jsaws does not convert from JavaScript")))
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func badInput(r *jsrt.Realm, path, want string, got jsrt.Value) {
	jsrt.Throw(jsrt.NewError(r, "TypeError", jsrt.Str(
		"migrate port: input "+path+" must be "+want+", got "+jsrt.ToString(jsrt.TypeOf(got)))))
}

// toBytes is a blob input: a string (UTF-8), a Buffer/Uint8Array, or an array of byte numbers.
func toBytes(r *jsrt.Realm, v jsrt.Value, path string) []byte {
	if b, ok := BlobBytes(v); ok {
		return b
	}
	if v.Kind() == jsrt.KindString {
		return []byte(jsrt.ToString(v))
	}
	if v.Kind() == jsrt.KindArray {
		items := v.Object().Items()
		out := make([]byte, len(items))
		for i, x := range items {
			out[i] = byte(int64(jsrt.ToNumber(x)))
		}
		return out
	}
	badInput(r, path, "a string or Uint8Array", v)
	return nil
}

// toTime is a timestamp input: a Date, epoch seconds, or an ISO-8601 string.
func toTime(r *jsrt.Realm, v jsrt.Value, path string) time.Time {
	switch v.Kind() {
	case jsrt.KindNumber:
		sec := jsrt.ToNumber(v)
		return time.UnixMilli(int64(math.Round(sec * 1000))).UTC()
	case jsrt.KindString:
		t, err := time.Parse(time.RFC3339Nano, jsrt.ToString(v))
		if err != nil {
			badInput(r, path, "an ISO-8601 date", v)
		}
		return t
	}
	if v.IsObject() && v.Object().Class() == "Date" {
		ms := jsrt.ToNumber(jsrt.CallMethod(r, v, "getTime"))
		return time.UnixMilli(int64(ms)).UTC()
	}
	badInput(r, path, "a Date", v)
	return time.Time{}
}
