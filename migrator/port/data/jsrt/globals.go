package jsrt

import "math"

// Global returns the global binding name (JSON, Math, Object, Array, Number,
// String, Boolean, Promise, Date, Map, Set, RegExp, Buffer, console, crypto,
// Error and its subclasses, parseInt, parseFloat, isNaN, isFinite,
// encodeURIComponent, decodeURIComponent, structuredClone, globalThis...),
// built once per Realm; undefined when unknown.
func (r *Realm) Global(name string) Value {
	if v, ok := r.globals[name]; ok {
		return v
	}
	v := makeGlobal(r, name)
	if r.globals == nil {
		r.globals = map[string]Value{}
	}
	r.globals[name] = v
	return v
}

func fn1(name string, f func(Value) Value) Value {
	return Fn(name, func(_ *Realm, _ Value, a []Value) Value { return f(Arg(a, 0)) })
}

func fnN(name string, f func(...Value) Value) Value {
	return Fn(name, func(_ *Realm, _ Value, a []Value) Value { return f(a...) })
}

func ns(props map[string]Value) Value { return HostObject("Object", props) }

func makeGlobal(r *Realm, name string) Value {
	if builtinErrors[name] {
		return errorClass(name)
	}
	switch name {
	case "undefined":
		return Undefined
	case "NaN":
		return Num(math.NaN())
	case "Infinity":
		return Num(math.Inf(1))
	case "globalThis":
		return Obj(&Object{class: "Object", slot: r})
	case "parseInt":
		return Fn("parseInt", func(_ *Realm, _ Value, a []Value) Value { return ParseInt(Arg(a, 0), Arg(a, 1)) })
	case "parseFloat":
		return fn1("parseFloat", ParseFloat)
	case "isNaN":
		return fn1("isNaN", func(v Value) Value { return Bool(IsNaN(v)) })
	case "isFinite":
		return fn1("isFinite", func(v Value) Value { return Bool(IsFinite(v)) })
	case "encodeURIComponent":
		return fn1(name, EncodeURIComponent)
	case "decodeURIComponent":
		return fn1(name, DecodeURIComponent)
	case "encodeURI":
		return fn1(name, EncodeURI)
	case "decodeURI":
		return fn1(name, DecodeURI)
	case "structuredClone":
		return fn1(name, StructuredClone)
	case "TextDecoder":
		return builtinClass("TextDecoder", "TextDecoder", nil, newTextDecoder)
	case "JSON":
		return ns(map[string]Value{
			"parse": Fn("parse", func(r *Realm, _ Value, a []Value) Value { return JSONParse(r, Arg(a, 0), Arg(a, 1)) }),
			"stringify": Fn("stringify", func(r *Realm, _ Value, a []Value) Value {
				return JSONStringifyValue(r, a...)
			}),
		})
	case "Math":
		return mathNamespace()
	case "Number":
		return numberGlobal()
	case "String":
		c := builtinClass("String", "String", func(_ *Realm, _ Value, a []Value) Value { return String(a...) }, nil)
		c.o.Set("fromCharCode", Fn("fromCharCode", func(_ *Realm, _ Value, a []Value) Value {
			u := make([]uint16, len(a))
			for i, x := range a {
				u[i] = uint16(toUint32(ToNumber(x)))
			}
			return StrUTF16(u)
		}))
		return c
	case "Boolean":
		return builtinClass("Boolean", "Boolean", func(_ *Realm, _ Value, a []Value) Value { return Boolean(a...) }, nil)
	case "Object":
		c := builtinClass("Object", "Object", func(_ *Realm, _ Value, a []Value) Value {
			if v := Arg(a, 0); v.IsObject() {
				return v
			}
			return Obj(NewObject())
		}, func(_ *Realm, _ []Value) Value { return Obj(NewObject()) })
		for k, v := range map[string]Value{
			"keys": fn1("keys", ObjectKeys), "values": fn1("values", ObjectValues), "entries": fn1("entries", ObjectEntries),
			"fromEntries": fn1("fromEntries", ObjectFromEntries), "freeze": fn1("freeze", ObjectFreeze),
			"create": fn1("create", ObjectCreate),
			"assign": Fn("assign", func(_ *Realm, _ Value, a []Value) Value {
				if len(a) == 0 {
					return ObjectAssign(Undefined)
				}
				return ObjectAssign(a[0], a[1:]...)
			}),
			"is": Fn("is", func(_ *Realm, _ Value, a []Value) Value { return Bool(SameValue(Arg(a, 0), Arg(a, 1))) }),
			"hasOwn": Fn("hasOwn", func(_ *Realm, _ Value, a []Value) Value {
				return Bool(toObjectArg(Arg(a, 0)).HasOwn(PropertyKey(Arg(a, 1))))
			}),
			"getOwnPropertyNames": fn1("getOwnPropertyNames", ObjectKeys),
			"isFrozen":            fn1("isFrozen", func(v Value) Value { return Bool(ObjectIsFrozen(v)) }),
		} {
			c.o.Set(k, v)
		}
		return c
	case "Array":
		c := builtinClass("Array", "Array", func(_ *Realm, _ Value, a []Value) Value { return newArrayCall(a) },
			func(_ *Realm, a []Value) Value { return newArrayCall(a) })
		c.o.Set("isArray", fn1("isArray", func(v Value) Value { return Bool(ArrayIsArray(v)) }))
		c.o.Set("from", Fn("from", func(r *Realm, _ Value, a []Value) Value { return ArrayFrom(r, Arg(a, 0), Arg(a, 1)) }))
		c.o.Set("of", fnN("of", ArrayOfValues))
		return c
	case "Promise":
		c := builtinClass("Promise", "Promise", nil, promiseConstruct)
		for k, f := range map[string]func(Value) Value{"resolve": Resolved, "reject": Rejected, "all": PromiseAll,
			"allSettled": PromiseAllSettled, "race": PromiseRace, "any": PromiseAny} {
			c.o.Set(k, fn1(k, f))
		}
		return c
	case "Date":
		c := builtinClass("Date", "Date", func(_ *Realm, _ Value, _ []Value) Value {
			return Str(dateMethod("toString")(nil, NewDate(), nil).s)
		}, func(_ *Realm, a []Value) Value { return NewDate(a...) })
		c.o.Set("now", Fn("now", func(*Realm, Value, []Value) Value { return DateNow() }))
		c.o.Set("parse", fn1("parse", func(v Value) Value { return Num(DateParse(ToString(v))) }))
		c.o.Set("UTC", fnN("UTC", DateUTC))
		return c
	case "Map":
		return builtinClass("Map", "Map", nil, func(_ *Realm, a []Value) Value { return NewMap(Arg(a, 0)) })
	case "Set":
		return builtinClass("Set", "Set", nil, func(_ *Realm, a []Value) Value { return NewSet(Arg(a, 0)) })
	case "RegExp":
		return builtinClass("RegExp", "RegExp", func(r *Realm, _ Value, a []Value) Value { return regexpConstruct(r, a) }, regexpConstruct)
	case "Buffer":
		return ns(map[string]Value{
			"from":       Fn("from", func(_ *Realm, _ Value, a []Value) Value { return BufferFrom(Arg(a, 0), Arg(a, 1)) }),
			"concat":     fn1("concat", BufferConcat),
			"isBuffer":   fn1("isBuffer", func(v Value) Value { return Bool(BufferBytes(v) != nil) }),
			"byteLength": Fn("byteLength", func(_ *Realm, _ Value, a []Value) Value { return BufferByteLength(Arg(a, 0), Arg(a, 1)) }),
			"alloc": fn1("alloc", func(v Value) Value {
				return newBuffer(make([]byte, int(toInteger(v))))
			}),
		})
	case "console":
		props := map[string]Value{}
		for _, m := range []string{"log", "info", "warn", "error", "debug", "trace"} {
			props[m] = Fn(m, func(r *Realm, _ Value, a []Value) Value {
				Console(r, m, a...)
				return Undefined
			})
		}
		return ns(props)
	case "crypto":
		return ns(map[string]Value{"randomUUID": Fn("randomUUID", func(*Realm, Value, []Value) Value { return CryptoRandomUUID() })})
	}
	return Undefined
}

func newArrayCall(a []Value) Value {
	if len(a) == 1 {
		return NewArrayLength(a[0])
	}
	return NewArray(a...)
}

// promiseConstruct is new Promise(executor), run synchronously.
func promiseConstruct(r *Realm, a []Value) Value {
	exec := callback(a)
	var result *Value
	var rejected bool
	settleWith := func(rej bool) Value {
		return Fn("settle", func(_ *Realm, _ Value, args []Value) Value {
			if result == nil {
				v := Arg(args, 0)
				result, rejected = &v, rej
			}
			return Undefined
		})
	}
	if t := Recover(func() { Call(r, exec, Undefined, settleWith(false), settleWith(true)) }); t != nil && result == nil {
		return Rejected(t.Value)
	}
	if result == nil {
		ThrowTypeError("a Promise executor did not settle synchronously (timers are not supported)")
	}
	if rejected {
		return Rejected(*result)
	}
	return Async(func() Value { return *result })
}

func mathNamespace() Value {
	props := map[string]Value{
		"max": fnN("max", MathMax), "min": fnN("min", MathMin), "hypot": fnN("hypot", MathHypot),
		"round": fn1("round", MathRound), "floor": fn1("floor", MathFloor), "ceil": fn1("ceil", MathCeil),
		"abs": fn1("abs", MathAbs), "trunc": fn1("trunc", MathTrunc), "sqrt": fn1("sqrt", MathSqrt),
		"cbrt": fn1("cbrt", MathCbrt), "log": fn1("log", MathLog), "log2": fn1("log2", MathLog2),
		"log10": fn1("log10", MathLog10), "exp": fn1("exp", MathExp), "sign": fn1("sign", MathSign),
		"sin": fn1("sin", MathSin), "cos": fn1("cos", MathCos), "tan": fn1("tan", MathTan), "atan": fn1("atan", MathAtan),
		"pow":    Fn("pow", func(_ *Realm, _ Value, a []Value) Value { return MathPow(Arg(a, 0), Arg(a, 1)) }),
		"atan2":  Fn("atan2", func(_ *Realm, _ Value, a []Value) Value { return MathAtan2(Arg(a, 0), Arg(a, 1)) }),
		"random": Fn("random", func(*Realm, Value, []Value) Value { return MathRandom() }),
		"PI":     Num(MathPI), "E": Num(MathE), "LN2": Num(MathLN2), "LN10": Num(MathLN10),
		"LOG2E": Num(MathLOG2E), "LOG10E": Num(MathLOG10E), "SQRT2": Num(MathSQRT2), "SQRT1_2": Num(MathSQRT1_2),
	}
	return ns(props)
}

func numberGlobal() Value {
	c := builtinClass("Number", "Number", func(_ *Realm, _ Value, a []Value) Value { return Number(a...) }, nil)
	for k, v := range map[string]Value{
		"isInteger":         fn1("isInteger", func(v Value) Value { return Bool(NumberIsInteger(v)) }),
		"isSafeInteger":     fn1("isSafeInteger", func(v Value) Value { return Bool(NumberIsSafeInteger(v)) }),
		"isFinite":          fn1("isFinite", func(v Value) Value { return Bool(NumberIsFinite(v)) }),
		"isNaN":             fn1("isNaN", func(v Value) Value { return Bool(NumberIsNaN(v)) }),
		"parseFloat":        fn1("parseFloat", ParseFloat),
		"parseInt":          Fn("parseInt", func(_ *Realm, _ Value, a []Value) Value { return ParseInt(Arg(a, 0), Arg(a, 1)) }),
		"MAX_SAFE_INTEGER":  Num(9007199254740991),
		"MIN_SAFE_INTEGER":  Num(-9007199254740991),
		"EPSILON":           Num(math.Pow(2, -52)),
		"MAX_VALUE":         Num(math.MaxFloat64),
		"MIN_VALUE":         Num(5e-324),
		"POSITIVE_INFINITY": Num(math.Inf(1)),
		"NEGATIVE_INFINITY": Num(math.Inf(-1)),
		"NaN":               Num(math.NaN()),
	} {
		c.o.Set(k, v)
	}
	return c
}
