package jsrt

// Promises settle at once: async functions run synchronously (one invoke at
// a time in a Lambda process), so a promise is a settled box.
type promiseState struct {
	rejected bool
	value    Value
}

// Resolved returns a promise fulfilled with v (Promise.resolve); a promise is returned as is.
func Resolved(v Value) Value {
	if v.k == KindPromise {
		return v
	}
	return Obj(&Object{class: "Promise", slot: &promiseState{value: v}})
}

// Rejected returns a promise rejected with reason (Promise.reject).
func Rejected(reason Value) Value {
	return Obj(&Object{class: "Promise", slot: &promiseState{rejected: true, value: reason}})
}

// Async runs body as an async function's body: its result resolves the
// returned promise and a thrown value rejects it.
func Async(body func() Value) (p Value) {
	var res Value
	if t := Recover(func() { res = body() }); t != nil {
		return Rejected(t.Value)
	}
	return Resolved(Await(res))
}

// Await is await v: a fulfilled promise's value, a rejected promise's reason
// thrown, thenables called, any other value as is.
func Await(v Value) Value {
	switch {
	case v.k == KindPromise:
		st := v.o.slot.(*promiseState)
		if st.rejected {
			Throw(st.value)
		}
		return st.value
	case v.IsObject():
		if then := v.o.Get("then"); then.k == KindFunction {
			var out Value
			var failed *Value
			Call(nil, then, v, Fn("resolve", func(_ *Realm, _ Value, a []Value) Value {
				out = Arg(a, 0)
				return Undefined
			}), Fn("reject", func(_ *Realm, _ Value, a []Value) Value {
				e := Arg(a, 0)
				failed = &e
				return Undefined
			}))
			if failed != nil {
				Throw(*failed)
			}
			return Await(out)
		}
	}
	return v
}

// settle runs f and turns its result or exception into a promise.
func settle(f func() Value) Value {
	return Async(f)
}

func promiseMethod(name string) Func {
	switch name {
	case "then":
		return func(r *Realm, this Value, a []Value) Value {
			st := this.o.slot.(*promiseState)
			h := Arg(a, 0)
			if st.rejected {
				h = Arg(a, 1)
			}
			if h.k != KindFunction {
				return this
			}
			return settle(func() Value { return Call(r, h, Undefined, st.value) })
		}
	case "catch":
		return func(r *Realm, this Value, a []Value) Value {
			st := this.o.slot.(*promiseState)
			if !st.rejected || Arg(a, 0).k != KindFunction {
				return this
			}
			return settle(func() Value { return Call(r, a[0], Undefined, st.value) })
		}
	case "finally":
		return func(r *Realm, this Value, a []Value) Value {
			if f := Arg(a, 0); f.k == KindFunction {
				res := settle(func() Value { return Call(r, f, Undefined) })
				if res.o.slot.(*promiseState).rejected {
					return res
				}
			}
			return this
		}
	}
	return nil
}

// PromiseAll is Promise.all(iterable): values in order, or the first rejection.
func PromiseAll(items Value) Value {
	return settle(func() Value {
		var out []Value
		for _, x := range Iterate(items) {
			out = append(out, Await(x))
		}
		return ArrayOf(out)
	})
}

// PromiseAllSettled is Promise.allSettled(iterable).
func PromiseAllSettled(items Value) Value {
	var out []Value
	for _, x := range Iterate(items) {
		o := NewObject()
		var v Value
		if t := Recover(func() { v = Await(x) }); t != nil {
			o.Set("status", Str("rejected"))
			o.Set("reason", t.Value)
		} else {
			o.Set("status", Str("fulfilled"))
			o.Set("value", v)
		}
		out = append(out, Obj(o))
	}
	return Resolved(ArrayOf(out))
}

// PromiseRace is Promise.race(iterable): the first element settles it.
func PromiseRace(items Value) Value {
	list := Iterate(items)
	if len(list) == 0 {
		return Resolved(Undefined)
	}
	return settle(func() Value { return Await(list[0]) })
}

// PromiseAny is Promise.any(iterable): the first fulfilled value, else an AggregateError.
func PromiseAny(items Value) Value {
	var errs []Value
	for _, x := range Iterate(items) {
		var v Value
		t := Recover(func() { v = Await(x) })
		if t == nil {
			return Resolved(v)
		}
		errs = append(errs, t.Value)
	}
	e := NewError(nil, "AggregateError", Str("All promises were rejected"))
	e.o.Set("errors", ArrayOf(errs))
	return Rejected(e)
}
