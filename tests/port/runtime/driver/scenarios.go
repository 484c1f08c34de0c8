package main

import (
	"jsrtdriver/jsrt"
)

// Scenarios written against the jsrt API the way translated code uses it;
// scenarios.js holds the same programs in JavaScript.

type fn = func(r *jsrt.Realm) jsrt.Value

func s(x string) jsrt.Value  { return jsrt.Str(x) }
func n(x float64) jsrt.Value { return jsrt.Num(x) }

func caught(r *jsrt.Realm, body func() jsrt.Value) jsrt.Value {
	var out jsrt.Value
	jsrt.Try(func() { out = jsrt.NewArray(s("ok"), body()) }, func(e jsrt.Value) {
		out = jsrt.NewArray(jsrt.GetS(e, "name"), jsrt.GetS(e, "message"))
	}, nil)
	return out
}

// userErrors defines class ValidationError extends Error (setting name) and class PlainError extends Error {}.
func userErrors(r *jsrt.Realm) (validation, plain jsrt.Value) {
	errorCtor := r.Global("Error")
	validation = jsrt.NewClass("ValidationError", errorCtor, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		jsrt.SuperCall(r, errorCtor, this, args...)
		jsrt.SetS(this, "name", s("ValidationError"))
		return jsrt.Undefined
	})
	plain = jsrt.NewClass("PlainError", errorCtor, nil)
	return validation, plain
}

var scenarios = map[string]fn{
	"tryCatchFinally": func(r *jsrt.Realm) jsrt.Value {
		log := jsrt.NewArray()
		jsrt.Try(func() {
			jsrt.Try(func() {
				jsrt.CallMethod(r, log, "push", s("body"))
				jsrt.Throw(jsrt.New(r, r.Global("RangeError"), s("r")))
			}, nil, func() { jsrt.CallMethod(r, log, "push", s("inner finally")) })
		}, func(e jsrt.Value) {
			jsrt.CallMethod(r, log, "push", jsrt.Template(s("caught "), jsrt.GetS(e, "name"), s(" "), jsrt.GetS(e, "message")))
		}, func() { jsrt.CallMethod(r, log, "push", s("outer finally")) })
		return log
	},
	"errorSubclass": func(r *jsrt.Realm) jsrt.Value {
		validation, _ := userErrors(r)
		e := jsrt.New(r, validation, s("bad input"))
		stack := jsrt.CallMethod(r, jsrt.GetS(e, "stack"), "split", s("\n"))
		return jsrt.NewArray(jsrt.GetS(e, "name"), jsrt.GetS(e, "message"), jsrt.Bool(jsrt.InstanceOf(e, validation)),
			jsrt.Bool(jsrt.InstanceOf(e, r.Global("Error"))), jsrt.String(e), jsrt.Get(stack, n(0)))
	},
	"errorEnumeration": func(r *jsrt.Realm) jsrt.Value {
		validation, _ := userErrors(r)
		e := jsrt.New(r, validation, s("m"))
		jsrt.SetS(e, "statusCode", n(400))
		spread := jsrt.NewObject()
		jsrt.ObjectAssignInto(spread, e)
		str := func(v jsrt.Value) jsrt.Value { return jsrt.JSONStringifyValue(r, v) }
		return jsrt.NewArray(str(e), jsrt.ObjectKeys(e), str(jsrt.Obj(spread)), str(jsrt.New(r, r.Global("Error"), s("x"))),
			jsrt.ObjectKeys(jsrt.NewError(r, "TypeError", s("t"))))
	},
	"errorWithoutName": func(r *jsrt.Realm) jsrt.Value {
		_, plain := userErrors(r)
		e := jsrt.New(r, plain, s("m"))
		return jsrt.NewArray(jsrt.GetS(e, "name"), jsrt.String(e), jsrt.Bool(jsrt.InstanceOf(e, plain)),
			jsrt.Bool(jsrt.InstanceOf(e, r.Global("TypeError"))))
	},
	"builtinErrors": func(r *jsrt.Realm) jsrt.Value {
		names := []jsrt.Value{}
		for _, f := range []func() jsrt.Value{
			func() jsrt.Value { return jsrt.GetS(jsrt.Undefined, "x") },
			func() jsrt.Value { return jsrt.GetS(jsrt.Null(), "y") },
			func() jsrt.Value { return jsrt.JSONParse(r, s("{")) },
		} {
			names = append(names, jsrt.Get(caught(r, f), n(0)))
		}
		return jsrt.NewArray(names...)
	},
	"readUndefined": func(r *jsrt.Realm) jsrt.Value {
		return caught(r, func() jsrt.Value { return jsrt.GetS(jsrt.GetS(jsrt.Obj(jsrt.NewObject()), "a"), "b") })
	},
	"thrownString": func(r *jsrt.Realm) jsrt.Value {
		var out jsrt.Value
		jsrt.Try(func() { jsrt.Throw(s("plain")) }, func(e jsrt.Value) { out = jsrt.NewArray(jsrt.TypeOf(e), e) }, nil)
		return out
	},
	"promises": func(r *jsrt.Realm) jsrt.Value {
		promise := r.Global("Promise")
		three := jsrt.Async(func() jsrt.Value { return n(3) })
		all := jsrt.Await(jsrt.CallMethod(r, promise, "all", jsrt.NewArray(n(1), jsrt.Resolved(n(2)), three)))
		var rejected jsrt.Value
		jsrt.Try(func() { jsrt.Await(jsrt.Rejected(jsrt.NewError(r, "TypeError", s("boom")))) },
			func(e jsrt.Value) { rejected = jsrt.NewArray(jsrt.GetS(e, "name"), jsrt.GetS(e, "message")) }, nil)
		settled := jsrt.Await(jsrt.PromiseAllSettled(jsrt.NewArray(jsrt.Resolved(s("a")), jsrt.Rejected(jsrt.NewError(r, "Error", s("b"))))))
		labels := jsrt.CallMethod(r, settled, "map", jsrt.Fn("", func(r *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
			v := jsrt.GetS(a[0], "value")
			if v.IsNullish() {
				v = jsrt.GetS(jsrt.GetS(a[0], "reason"), "message")
			}
			return jsrt.Template(jsrt.GetS(a[0], "status"), s(":"), v)
		}))
		chained := jsrt.Resolved(n(2))
		chained = jsrt.CallMethod(r, chained, "then", jsrt.Fn("", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value { return jsrt.Mul(a[0], n(10)) }))
		chained = jsrt.CallMethod(r, chained, "catch", jsrt.Fn("", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return n(-1) }))
		chained = jsrt.CallMethod(r, chained, "finally", jsrt.Fn("", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return n(0) }))
		return jsrt.NewArray(all, rejected, labels, jsrt.Await(chained))
	},
	"mapsAndSets": func(r *jsrt.Realm) jsrt.Value {
		m := jsrt.New(r, r.Global("Map"), jsrt.NewArray(jsrt.NewArray(s("b"), n(1)), jsrt.NewArray(s("a"), n(2))))
		jsrt.CallMethod(r, jsrt.CallMethod(r, m, "set", jsrt.Number(s("x")), s("nan")), "set", jsrt.Neg(n(0)), s("zero"))
		jsrt.CallMethod(r, m, "set", s("b"), n(3))
		set := jsrt.NewSet(jsrt.NewArray(n(3), n(1), n(3), jsrt.Number(s("x")), jsrt.Number(s("y"))))
		jsrt.CallMethod(r, set, "delete", n(1))
		toStr := jsrt.Fn("String", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value { return jsrt.String(a...) })
		keys := jsrt.CallMethod(r, jsrt.NewArray(jsrt.AppendSpread(nil, jsrt.CallMethod(r, m, "keys"))...), "map", toStr)
		return jsrt.NewArray(keys, jsrt.CallMethod(r, m, "get", n(0)), jsrt.CallMethod(r, m, "get", jsrt.Number(s("z"))),
			jsrt.GetS(m, "size"), jsrt.CallMethod(r, jsrt.NewArray(jsrt.Iterate(set)...), "map", toStr),
			jsrt.CallMethod(r, set, "has", jsrt.Number(s("q"))), jsrt.GetS(jsrt.CallMethod(r, m, "entries"), "length"))
	},
	"spreadAndKeys": func(r *jsrt.Realm) jsrt.Value {
		inner := jsrt.NewObject()
		inner.Set("b", n(1))
		inner.Set("a", n(2))
		inner.Set("2", s("x"))
		o := jsrt.NewObject()
		jsrt.ObjectAssignInto(o, jsrt.Obj(inner))
		o.Set("b", n(3))
		jsrt.ObjectAssignInto(o, s("hi"))
		o.Set("1", s("y"))
		z := jsrt.NewObject()
		z.Set("z", n(1))
		z.Set("10", n(2))
		z.Set("9", n(3))
		return jsrt.NewArray(jsrt.ObjectKeys(jsrt.Obj(o)), jsrt.NewArray(jsrt.AppendSpread(nil, s("a\U0001F600b"))...), jsrt.ObjectEntries(jsrt.Obj(z)))
	},
	"frozen": func(r *jsrt.Realm) jsrt.Value {
		return jsrt.Get(caught(r, func() jsrt.Value {
			o := jsrt.NewObject()
			o.Set("a", n(1))
			frozen := jsrt.ObjectFreeze(jsrt.Obj(o))
			jsrt.SetS(frozen, "a", n(2))
			return jsrt.GetS(frozen, "a")
		}), n(0))
	},
	"jsonSpecials": func(r *jsrt.Realm) jsrt.Value {
		o := jsrt.NewObject()
		o.Set("d", jsrt.NewDate(n(0)))
		o.Set("u", jsrt.Undefined)
		o.Set("f", jsrt.Fn("f", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return jsrt.Undefined }))
		o.Set("n", jsrt.Number(s("nope")))
		o.Set("z", jsrt.Neg(n(0)))
		o.Set("a", jsrt.NewArray(jsrt.Undefined, jsrt.Fn("", nil), jsrt.Div(n(1), n(0))))
		str := func(v jsrt.Value) jsrt.Value { return jsrt.JSONStringifyValue(r, v) }
		nested, _ := jsrt.FromJSON([]byte(`{"b": 1, "a": {"b": 2, "c": 3}, "c": 4}`))
		xyz, _ := jsrt.FromJSON([]byte(`{"x": 1, "y": "two", "z": [3]}`))
		double := jsrt.Fn("", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
			if a[1].Kind() == jsrt.KindNumber {
				return jsrt.Mul(a[1], n(2))
			}
			return a[1]
		})
		inc := jsrt.Fn("", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
			if a[1].Kind() == jsrt.KindNumber {
				return jsrt.Add(a[1], n(1))
			}
			return a[1]
		})
		return jsrt.NewArray(str(jsrt.Obj(o)), str(jsrt.StrUTF16([]uint16{0xD800, '\n', 0x2028})), str(jsrt.Undefined),
			str(jsrt.NewArray(jsrt.NewMap(jsrt.Undefined), jsrt.NewSet(jsrt.NewArray(n(1))))),
			jsrt.JSONStringifyValue(r, nested, jsrt.NewArray(s("b"), s("a"))), jsrt.JSONStringifyValue(r, xyz, double, n(1)),
			jsrt.JSONParse(r, s(`{"a":[1,{"b":2}]}`), inc))
	},
	"numbersFormatting": func(r *jsrt.Realm) jsrt.Value {
		return jsrt.NewArray(jsrt.CallMethod(r, n(1234567.891), "toLocaleString"), jsrt.CallMethod(r, jsrt.Add(n(0.1), n(0.2)), "toFixed", n(2)),
			jsrt.CallMethod(r, n(255), "toString", n(16)), jsrt.CallMethod(r, n(-7.5), "toString", n(2)), jsrt.Number(s("0x1F")),
			jsrt.Add(n(1e21), s("")), jsrt.Div(n(1), n(3)))
	},
	"dates": func(r *jsrt.Realm) jsrt.Value {
		d := jsrt.NewDate(s("2024-03-05T06:07:08.009Z"))
		return jsrt.NewArray(jsrt.CallMethod(r, d, "toISOString"), jsrt.CallMethod(r, d, "getTime"), jsrt.CallMethod(r, d, "getUTCDay"),
			jsrt.CallMethod(r, d, "getMonth"), jsrt.JSONStringifyValue(r, d),
			jsrt.CallMethod(r, jsrt.New(r, r.Global("Date"), n(2024), n(0), n(31)), "toISOString"), jsrt.DateUTC(n(2020), n(1), n(29)))
	},
	"regexpExec": func(r *jsrt.Realm) jsrt.Value {
		re := jsrt.MustRegExp(`(?<word>[a-z]+)(\d)?`, "g")
		out := jsrt.NewArray()
		for {
			m := jsrt.CallMethod(r, re, "exec", s("ab1 cd ef2"))
			if jsrt.StrictEquals(m, jsrt.Null()) {
				break
			}
			jsrt.CallMethod(r, out, "push", jsrt.NewArray(jsrt.Get(m, n(0)), jsrt.Get(m, n(1)), jsrt.Get(m, n(2)),
				jsrt.GetS(m, "index"), jsrt.GetS(jsrt.GetS(m, "groups"), "word"), jsrt.GetS(re, "lastIndex")))
		}
		repl := jsrt.Fn("", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
			if jsrt.StrictEquals(a[0], s("-")) {
				return s("+")
			}
			return s("=")
		})
		return jsrt.NewArray(out, jsrt.CallMethod(r, s("a-b_c"), "replace", jsrt.MustRegExp(`[-_]`, "g"), repl),
			jsrt.CallMethod(r, s("x1y22z"), "split", jsrt.MustRegExp(`(\d+)`, "")),
			jsrt.CallMethod(r, jsrt.MustRegExp(`^\s*$`, ""), "test", s(" \u00a0\ufeff")))
	},
	"globals": func(r *jsrt.Realm) jsrt.Value {
		g := r.Global
		call := func(name string, args ...jsrt.Value) jsrt.Value {
			return jsrt.Call(r, g(name), jsrt.Undefined, args...)
		}
		method := func(name, m string, args ...jsrt.Value) jsrt.Value { return jsrt.CallMethod(r, g(name), m, args...) }
		obj := func(pairs ...jsrt.Value) jsrt.Value {
			o := jsrt.NewObject()
			for i := 0; i < len(pairs); i += 2 {
				o.Set(jsrt.ToString(pairs[i]), pairs[i+1])
			}
			return jsrt.Obj(o)
		}
		twice := jsrt.Fn("", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value { return jsrt.Mul(a[1], n(2)) })
		inner := jsrt.NewArray(n(1), obj(s("b"), n(2)))
		return jsrt.NewArray(call("decodeURI", s("%E2%82%AC%23%20")), call("decodeURIComponent", s("%E2%82%AC%23%20")),
			call("encodeURIComponent", s("a b&c/\u20ac")), call("encodeURI", s("http://x/a b?q=\u20ac#h")),
			method("Object", "hasOwn", obj(s("a"), n(1)), s("a")), method("Object", "getOwnPropertyNames", obj(s("b"), n(1), s("a"), n(2))),
			method("String", "fromCharCode", n(72), n(105)), method("Number", "parseFloat", s("1.5x")),
			method("Array", "from", obj(s("length"), n(3)), twice), method("Array", "of", n(7)),
			call("structuredClone", obj(s("a"), inner)), call("isNaN", s("x")), method("Number", "isInteger", n(5)),
			jsrt.CallMethod(r, g("Math"), "max", jsrt.AppendSpread(nil, jsrt.NewArray(n(1), n(5), n(3)))...),
			jsrt.CallMethod(r, jsrt.NewArray(n(0), n(1), s("")), "filter", g("Boolean")),
			jsrt.CallMethod(r, jsrt.NewArray(n(1), n(2)), "map", g("String")),
			jsrt.CallMethod(r, jsrt.NewArray(s("1"), s("2.5")), "map", g("Number")),
			jsrt.GetS(g("Number"), "MAX_SAFE_INTEGER"), jsrt.GetS(g("Math"), "PI"), jsrt.TypeOf(method("crypto", "randomUUID")))
	},
	"typeofAndCoercion": func(r *jsrt.Realm) jsrt.Value {
		empty := jsrt.Obj(jsrt.NewObject())
		return jsrt.NewArray(jsrt.TypeOf(jsrt.Null()), jsrt.TypeOf(jsrt.NewArray()), jsrt.TypeOf(jsrt.Fn("", nil)),
			jsrt.Add(jsrt.NewArray(), empty), jsrt.Add(jsrt.NewArray(n(1), jsrt.NewArray(n(2), n(3))), s("")),
			jsrt.Template(jsrt.NewArray(n(1), n(2)), jsrt.Null(), jsrt.Undefined), jsrt.Plus(jsrt.NewArray()), jsrt.Plus(empty),
			jsrt.Plus(s("  12  ")), jsrt.Add(jsrt.Null(), n(1)), jsrt.Add(jsrt.Undefined, n(1)), jsrt.Mul(s("3"), s("4")),
			jsrt.Add(jsrt.Bool(true), jsrt.Bool(true)))
	},
}
