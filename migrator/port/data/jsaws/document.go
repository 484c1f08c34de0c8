package jsaws

import (
	"math"
	"strings"

	"migrate.local/port/jsrt"
)

// MarshallOptions are @aws-sdk/util-dynamodb's marshall options.
type MarshallOptions struct {
	RemoveUndefinedValues     bool
	ConvertEmptyValues        bool
	AllowImpreciseNumbers     bool
	ConvertClassInstanceToMap bool
}

// MarshallOptionsOf reads {removeUndefinedValues, convertEmptyValues, …} from a JS options object.
func MarshallOptionsOf(v jsrt.Value) MarshallOptions {
	if !v.IsObject() {
		return MarshallOptions{}
	}
	o := v.Object()
	return MarshallOptions{
		RemoveUndefinedValues:     jsrt.Truthy(o.Get("removeUndefinedValues")),
		ConvertEmptyValues:        jsrt.Truthy(o.Get("convertEmptyValues")),
		AllowImpreciseNumbers:     jsrt.Truthy(o.Get("allowImpreciseNumbers")),
		ConvertClassInstanceToMap: jsrt.Truthy(o.Get("convertClassInstanceToMap")),
	}
}

const maxSafeInteger = 9007199254740991

func fail(r *jsrt.Realm, message string) {
	jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str(message)))
}

// Marshall is util-dynamodb's marshall(data, options): a JS object → a map of
// low-level attribute values ({S: …} shapes), with its errors.
func Marshall(r *jsrt.Realm, data jsrt.Value, opts MarshallOptions) jsrt.Value {
	a := ConvertToAttr(r, data, opts)
	if m := a.Object().Get("M"); !m.IsUndefined() {
		return m
	}
	if l := a.Object().Get("L"); !l.IsUndefined() {
		return l
	}
	return a
}

// ConvertToAttr is util-dynamodb's convertToAttr: one JS value → {S|N|BOOL|NULL|B|L|M|SS|NS|BS: …}.
func ConvertToAttr(r *jsrt.Realm, v jsrt.Value, opts MarshallOptions) jsrt.Value {
	one := func(k string, x jsrt.Value) jsrt.Value {
		o := jsrt.NewObject()
		o.Set(k, x)
		return jsrt.Obj(o)
	}
	switch v.Kind() {
	case jsrt.KindUndefined:
		fail(r, "Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.")
	case jsrt.KindNull:
		return one("NULL", jsrt.Bool(true))
	case jsrt.KindBoolean:
		return one("BOOL", v)
	case jsrt.KindNumber:
		return one("N", jsrt.Str(numberText(r, jsrt.ToNumber(v), opts)))
	case jsrt.KindString:
		if opts.ConvertEmptyValues && jsrt.ToString(v) == "" {
			return one("NULL", jsrt.Bool(true))
		}
		return one("S", v)
	case jsrt.KindArray:
		var items []jsrt.Value
		for _, x := range v.Object().Items() {
			if x.IsUndefined() && opts.RemoveUndefinedValues {
				continue
			}
			items = append(items, ConvertToAttr(r, x, opts))
		}
		return one("L", jsrt.ArrayOf(items))
	case jsrt.KindFunction:
		fail(r, "Unsupported type passed: "+jsrt.ToString(v)+". Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.")
	}
	if b, ok := BlobBytes(v); ok {
		return one("B", Blob(b))
	}
	o := v.Object()
	switch o.Class() {
	case "Set":
		return convertSet(r, v, opts, one)
	case "Map":
		m := jsrt.NewObject()
		for _, e := range jsrt.Iterate(v) {
			k, x := e.Object().Items()[0], e.Object().Items()[1]
			if x.IsUndefined() && opts.RemoveUndefinedValues {
				continue
			}
			m.Set(jsrt.ToString(k), ConvertToAttr(r, x, opts))
		}
		return one("M", jsrt.Obj(m))
	case "Date":
		fail(r, "Unsupported type passed: "+jsrt.ToString(v)+". Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.")
	}
	m := jsrt.NewObject()
	for _, k := range o.Keys() {
		x := o.Get(k)
		if x.IsUndefined() && opts.RemoveUndefinedValues || x.Kind() == jsrt.KindFunction {
			continue
		}
		m.Set(k, ConvertToAttr(r, x, opts))
	}
	return one("M", jsrt.Obj(m))
}

func numberText(r *jsrt.Realm, f float64, opts MarshallOptions) string {
	s := jsrt.NumberToString(f)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		fail(r, "Special numeric value "+s+" is not allowed")
	}
	if !opts.AllowImpreciseNumbers {
		if f > maxSafeInteger {
			fail(r, "Number "+s+" is greater than Number.MAX_SAFE_INTEGER. Use NumberValue from @aws-sdk/lib-dynamodb.")
		} else if f < -maxSafeInteger {
			fail(r, "Number "+s+" is lesser than Number.MIN_SAFE_INTEGER. Use NumberValue from @aws-sdk/lib-dynamodb.")
		}
	}
	return s
}

func convertSet(r *jsrt.Realm, v jsrt.Value, opts MarshallOptions, one func(string, jsrt.Value) jsrt.Value) jsrt.Value {
	items := jsrt.Iterate(v)
	if len(items) == 0 {
		if opts.ConvertEmptyValues {
			return one("NULL", jsrt.Bool(true))
		}
		fail(r, "Pass a non-empty set, or options.convertEmptyValues=true.")
	}
	first := items[0]
	var kind string
	var out []jsrt.Value
	switch {
	case first.Kind() == jsrt.KindNumber:
		kind = "NS"
		for _, x := range items {
			if x.Kind() != jsrt.KindNumber {
				continue
			}
			out = append(out, jsrt.Str(numberText(r, jsrt.ToNumber(x), opts)))
		}
	case first.Kind() == jsrt.KindString:
		kind = "SS"
		for _, x := range items {
			if x.Kind() == jsrt.KindString {
				out = append(out, x)
			}
		}
	default:
		if _, ok := BlobBytes(first); !ok {
			fail(r, "Only Number Set (NS), Binary Set (BS) or String Set (SS) are allowed.")
		}
		kind = "BS"
		for _, x := range items {
			if b, ok := BlobBytes(x); ok {
				out = append(out, Blob(b))
			}
		}
	}
	return one(kind, jsrt.ArrayOf(out))
}

// Unmarshall is util-dynamodb's unmarshall: a map of attribute values → a JS object.
func Unmarshall(r *jsrt.Realm, item jsrt.Value) jsrt.Value {
	if !item.IsObject() {
		return item
	}
	o := jsrt.NewObject()
	for _, k := range item.Object().Keys() {
		o.Set(k, ConvertToNative(r, item.Object().Get(k)))
	}
	return jsrt.Obj(o)
}

// ConvertToNative is util-dynamodb's convertToNative: {S: "x"} → "x", {NS: […]} → a Set of numbers, ….
func ConvertToNative(r *jsrt.Realm, a jsrt.Value) jsrt.Value {
	if !a.IsObject() {
		return a
	}
	o := a.Object()
	for _, k := range o.Keys() {
		x := o.Get(k)
		if x.IsUndefined() {
			continue
		}
		switch k {
		case "NULL":
			return jsrt.Null()
		case "BOOL":
			return x
		case "N":
			return jsrt.Num(jsrt.StringToNumber(jsrt.ToString(x)))
		case "B", "S":
			return x
		case "L":
			items := x.Object().Items()
			out := make([]jsrt.Value, len(items))
			for i, y := range items {
				out[i] = ConvertToNative(r, y)
			}
			return jsrt.ArrayOf(out)
		case "M":
			return Unmarshall(r, x)
		case "NS":
			items := x.Object().Items()
			out := make([]jsrt.Value, len(items))
			for i, y := range items {
				out[i] = jsrt.Num(jsrt.StringToNumber(jsrt.ToString(y)))
			}
			return jsrt.NewSet(jsrt.ArrayOf(out))
		case "SS", "BS":
			return jsrt.NewSet(x)
		default:
			fail(r, "Unsupported type passed: "+k)
		}
	}
	fail(r, "No value defined: "+strings.Join(o.Keys(), ","))
	return jsrt.Undefined
}
