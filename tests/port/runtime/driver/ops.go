package main

import (
	"bytes"
	"log/slog"
	"runtime"

	"jsrtdriver/jsrt"
)

func arg(a []jsrt.Value, i int) jsrt.Value {
	if i < len(a) {
		return a[i]
	}
	return jsrt.Undefined
}

// callbacks are the named callback functions cases may pass to array methods
// (the same bodies as in protocol.js).
var callbacks = map[string]jsrt.Func{
	"double": func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return jsrt.Mul(arg(a, 0), jsrt.Num(2))
	},
	"truthy": func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value { return jsrt.Bool(jsrt.Truthy(arg(a, 0))) },
	"add":    func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value { return jsrt.Add(arg(a, 0), arg(a, 1)) },
	"pair": func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return jsrt.NewArray(arg(a, 0), arg(a, 1))
	},
	"isString": func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return jsrt.Bool(jsrt.StrictEquals(jsrt.TypeOf(arg(a, 0)), jsrt.Str("string")))
	},
	"numAsc": func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value { return jsrt.Sub(arg(a, 0), arg(a, 1)) },
	"numDesc": func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return jsrt.Sub(arg(a, 1), arg(a, 0))
	},
	"byLength": func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return jsrt.Sub(jsrt.GetS(arg(a, 0), "length"), jsrt.GetS(arg(a, 1), "length"))
	},
}

// run performs one operation; every op has the same meaning in protocol.js.
func run(r *jsrt.Realm, op string, a []jsrt.Value) jsrt.Value {
	x, y := arg(a, 0), arg(a, 1)
	switch op {
	case "String":
		return jsrt.String(x)
	case "Number":
		return jsrt.Number(x)
	case "parseInt":
		if len(a) > 1 {
			return jsrt.ParseInt(x, y)
		}
		return jsrt.ParseInt(x)
	case "parseFloat":
		return jsrt.ParseFloat(x)
	case "add":
		return jsrt.Add(x, y)
	case "sub":
		return jsrt.Sub(x, y)
	case "mul":
		return jsrt.Mul(x, y)
	case "div":
		return jsrt.Div(x, y)
	case "mod":
		return jsrt.Mod(x, y)
	case "exp":
		return jsrt.Exp(x, y)
	case "strictEq":
		return jsrt.Bool(jsrt.StrictEquals(x, y))
	case "sameValueZero":
		return jsrt.Bool(jsrt.SameValueZero(x, y))
	case "looseEq":
		return jsrt.Bool(jsrt.LooseEquals(x, y))
	case "less":
		return jsrt.Bool(jsrt.Less(x, y))
	case "lessEq":
		return jsrt.Bool(jsrt.LessEq(x, y))
	case "greater":
		return jsrt.Bool(jsrt.Greater(x, y))
	case "greaterEq":
		return jsrt.Bool(jsrt.GreaterEq(x, y))
	case "truthy":
		return jsrt.Bool(jsrt.Truthy(x))
	case "get":
		return jsrt.Get(x, y)
	case "typeof":
		return jsrt.TypeOf(x)
	case "template":
		return jsrt.Template(a...)
	case "method":
		return jsrt.CallMethod(r, x, jsrt.ToString(y), a[2:]...)
	case "methodCb":
		cb := jsrt.Fn("cb", callbacks[jsrt.ToString(arg(a, 2))])
		return jsrt.CallMethod(r, x, jsrt.ToString(y), append([]jsrt.Value{cb}, a[3:]...)...)
	case "stringify":
		return jsrt.JSONStringifyValue(r, x, jsrt.Undefined, y)
	case "parse":
		return jsrt.JSONParse(r, x)
	case "objectKeys":
		return jsrt.ObjectKeys(x)
	case "objectEntries":
		return jsrt.ObjectEntries(x)
	case "mathRound":
		return jsrt.MathRound(x)
	case "mathMax":
		return jsrt.MathMax(a...)
	case "mathMin":
		return jsrt.MathMin(a...)
	case "dateISO":
		return jsrt.CallMethod(r, jsrt.NewDate(x), "toISOString")
	case "dateTime":
		return jsrt.CallMethod(r, jsrt.NewDate(x), "getTime")
	case "buffer":
		return jsrt.CallMethod(r, jsrt.BufferFrom(x, y), "toString", arg(a, 2))
	case "regexp":
		re, err := jsrt.NewRegExp(jsrt.ToString(x), jsrt.ToString(y))
		if err != nil {
			jsrt.Throw(jsrt.NewError(r, "Unsupported", jsrt.Str(err.Error())))
		}
		return jsrt.CallMethod(r, arg(a, 3), jsrt.ToString(arg(a, 2)), append([]jsrt.Value{re}, a[4:]...)...)
	case "scenario":
		return scenarios[jsrt.ToString(x)](r)
	case "format":
		return jsrt.Str(jsrt.ConsoleFormat(a...))
	case "console":
		var buf bytes.Buffer
		rr := jsrt.NewRealm(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
		console := rr.Global("console")
		jsrt.CallMethod(rr, console, jsrt.ToString(x), a[1:]...)
		return jsrt.Str(buf.String())
	case "goPanic":
		return goPanicThroughTry()
	case "uuid":
		return jsrt.CryptoRandomUUID()
	}
	panic("unknown op " + op)
}

// goPanicThroughTry checks that Try neither catches nor hides a Go runtime
// panic (it re-panics it, after running finally).
func goPanicThroughTry() (out jsrt.Value) {
	finallyRan, caught := false, false
	defer func() {
		p := recover()
		_, isRuntime := p.(runtime.Error)
		out = jsrt.NewArray(jsrt.Bool(isRuntime), jsrt.Bool(finallyRan), jsrt.Bool(caught))
	}()
	jsrt.Try(func() {
		var m map[string]int
		m["x"] = 1
	}, func(jsrt.Value) { caught = true }, func() { finallyRan = true })
	return jsrt.Undefined
}
