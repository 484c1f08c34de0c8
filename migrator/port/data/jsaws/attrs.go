package jsaws

import (
	ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"migrate.local/port/jsrt"
)

// AttributeValue converts the JS SDK's low-level attribute shape
// ({S: "x"}, {N: "1"}, {M: {...}}, {L: [...]}, {SS: [...]}, {BOOL: true}, {NULL: true}, {B: bytes}…)
// to the Go SDK's union type.
func AttributeValue(r *jsrt.Realm, v jsrt.Value, path string) ddb.AttributeValue {
	if !v.IsObject() {
		badInput(r, path, "an AttributeValue object", v)
	}
	o := v.Object()
	for _, k := range o.Keys() {
		x := o.Get(k)
		if x.IsUndefined() {
			continue
		}
		p := path + "." + k
		switch k {
		case "S":
			return &ddb.AttributeValueMemberS{Value: jsrt.ToString(x)}
		case "N":
			return &ddb.AttributeValueMemberN{Value: jsrt.ToString(x)}
		case "B":
			return &ddb.AttributeValueMemberB{Value: toBytes(r, x, p)}
		case "BOOL":
			return &ddb.AttributeValueMemberBOOL{Value: jsrt.Truthy(x)}
		case "NULL":
			return &ddb.AttributeValueMemberNULL{Value: jsrt.Truthy(x)}
		case "SS", "NS":
			var ss []string
			convertSlice(r, x, p, func(item jsrt.Value) { ss = append(ss, jsrt.ToString(item)) })
			if k == "SS" {
				return &ddb.AttributeValueMemberSS{Value: ss}
			}
			return &ddb.AttributeValueMemberNS{Value: ss}
		case "BS":
			var bs [][]byte
			convertSlice(r, x, p, func(item jsrt.Value) { bs = append(bs, toBytes(r, item, p)) })
			return &ddb.AttributeValueMemberBS{Value: bs}
		case "L":
			l := []ddb.AttributeValue{}
			convertSlice(r, x, p, func(item jsrt.Value) { l = append(l, AttributeValue(r, item, p)) })
			return &ddb.AttributeValueMemberL{Value: l}
		case "M":
			m := map[string]ddb.AttributeValue{}
			if !x.IsObject() {
				badInput(r, p, "an object", x)
			}
			for _, mk := range x.Object().Keys() {
				if mv := x.Object().Get(mk); !mv.IsUndefined() {
					m[mk] = AttributeValue(r, mv, p+"."+mk)
				}
			}
			return &ddb.AttributeValueMemberM{Value: m}
		}
	}
	badInput(r, path, "an AttributeValue with one of S, N, B, BOOL, NULL, SS, NS, BS, L, M", v)
	return nil
}

func convertSlice(r *jsrt.Realm, v jsrt.Value, path string, each func(jsrt.Value)) {
	if v.Kind() != jsrt.KindArray {
		badInput(r, path, "an array", v)
	}
	for _, item := range v.Object().Items() {
		each(item)
	}
}

// AttributeValueJS is the JS SDK's low-level shape of a Go attribute value.
func AttributeValueJS(a ddb.AttributeValue) jsrt.Value {
	o := jsrt.NewObject()
	switch a := a.(type) {
	case *ddb.AttributeValueMemberS:
		o.Set("S", jsrt.Str(a.Value))
	case *ddb.AttributeValueMemberN:
		o.Set("N", jsrt.Str(a.Value))
	case *ddb.AttributeValueMemberB:
		o.Set("B", Blob(a.Value))
	case *ddb.AttributeValueMemberBOOL:
		o.Set("BOOL", jsrt.Bool(a.Value))
	case *ddb.AttributeValueMemberNULL:
		o.Set("NULL", jsrt.Bool(a.Value))
	case *ddb.AttributeValueMemberSS:
		o.Set("SS", stringList(a.Value))
	case *ddb.AttributeValueMemberNS:
		o.Set("NS", stringList(a.Value))
	case *ddb.AttributeValueMemberBS:
		items := make([]jsrt.Value, len(a.Value))
		for i, b := range a.Value {
			items[i] = Blob(b)
		}
		o.Set("BS", jsrt.ArrayOf(items))
	case *ddb.AttributeValueMemberL:
		items := make([]jsrt.Value, len(a.Value))
		for i, x := range a.Value {
			items[i] = AttributeValueJS(x)
		}
		o.Set("L", jsrt.ArrayOf(items))
	case *ddb.AttributeValueMemberM:
		m := jsrt.NewObject()
		for _, k := range sortedKeys(a.Value) {
			m.Set(k, AttributeValueJS(a.Value[k]))
		}
		o.Set("M", jsrt.Obj(m))
	default:
		return jsrt.Undefined
	}
	return jsrt.Obj(o)
}

func stringList(ss []string) jsrt.Value {
	items := make([]jsrt.Value, len(ss))
	for i, s := range ss {
		items[i] = jsrt.Str(s)
	}
	return jsrt.ArrayOf(items)
}
