package jsrt

import (
	"math"
	"slices"
)

// arrThis returns the array receiver of an array method.
func arrThis(this Value) *Object {
	if this.k != KindArray {
		ThrowTypeError("Array.prototype method called on a non-array")
	}
	return this.o
}

// callback returns args[0] as a function or throws like V8.
func callback(args []Value) Value {
	f := Arg(args, 0)
	if f.k != KindFunction {
		ThrowTypeError(describe(f) + " is not a function")
	}
	return f
}

func arrayJoin(items []Value, sep string) Value {
	s := ""
	for i, x := range items {
		if i > 0 {
			s = concat(s, sep)
		}
		if !x.IsNullish() {
			s = concat(s, ToString(x))
		}
	}
	return Str(s)
}

func arrayMethod(name string) Func { return arrayMethods[name] }

// arrayMethods is filled once by init (a table, never changed afterwards).
var arrayMethods map[string]Func

func init() {
	arrayMethods = map[string]Func{
		"forEach": func(r *Realm, this Value, a []Value) Value {
			o, f := arrThis(this), callback(a)
			for i := 0; i < len(o.arr); i++ {
				Call(r, f, Arg(a, 1), o.arr[i], Int(i), this)
			}
			return Undefined
		},
		"map": func(r *Realm, this Value, a []Value) Value {
			o, f := arrThis(this), callback(a)
			n := len(o.arr)
			out := make([]Value, n)
			for i := 0; i < n && i < len(o.arr); i++ {
				out[i] = Call(r, f, Arg(a, 1), o.arr[i], Int(i), this)
			}
			return ArrayOf(out)
		},
		"filter": func(r *Realm, this Value, a []Value) Value {
			o, f := arrThis(this), callback(a)
			out := []Value{}
			for i := 0; i < len(o.arr); i++ {
				x := o.arr[i]
				if Truthy(Call(r, f, Arg(a, 1), x, Int(i), this)) {
					out = append(out, x)
				}
			}
			return ArrayOf(out)
		},
		"reduce":      func(r *Realm, this Value, a []Value) Value { return arrReduce(r, this, a, false) },
		"reduceRight": func(r *Realm, this Value, a []Value) Value { return arrReduce(r, this, a, true) },
		"find": func(r *Realm, this Value, a []Value) Value {
			i := arrFind(r, this, a, false)
			if i < 0 {
				return Undefined
			}
			return this.o.arr[i]
		},
		"findIndex": func(r *Realm, this Value, a []Value) Value { return Int(arrFind(r, this, a, false)) },
		"findLast": func(r *Realm, this Value, a []Value) Value {
			i := arrFind(r, this, a, true)
			if i < 0 {
				return Undefined
			}
			return this.o.arr[i]
		},
		"findLastIndex": func(r *Realm, this Value, a []Value) Value { return Int(arrFind(r, this, a, true)) },
		"some":          func(r *Realm, this Value, a []Value) Value { return Bool(arrFind(r, this, a, false) >= 0) },
		"every": func(r *Realm, this Value, a []Value) Value {
			o, f := arrThis(this), callback(a)
			for i := 0; i < len(o.arr); i++ {
				if !Truthy(Call(r, f, Arg(a, 1), o.arr[i], Int(i), this)) {
					return Bool(false)
				}
			}
			return Bool(true)
		},
		"includes": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			for i := relIndex(Arg(a, 1), len(o.arr), 0); i < len(o.arr); i++ {
				if SameValueZero(o.arr[i], Arg(a, 0)) {
					return Bool(true)
				}
			}
			return Bool(false)
		},
		"indexOf": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			for i := relIndex(Arg(a, 1), len(o.arr), 0); i < len(o.arr); i++ {
				if StrictEquals(o.arr[i], Arg(a, 0)) {
					return Int(i)
				}
			}
			return Int(-1)
		},
		"lastIndexOf": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			from := len(o.arr) - 1
			if len(a) > 1 {
				f := toInteger(a[1])
				if f < 0 {
					f += float64(len(o.arr))
				}
				from = int(math.Min(f, float64(len(o.arr)-1)))
			}
			for i := from; i >= 0; i-- {
				if StrictEquals(o.arr[i], Arg(a, 0)) {
					return Int(i)
				}
			}
			return Int(-1)
		},
		"join": func(_ *Realm, this Value, a []Value) Value {
			sep := ","
			if !Arg(a, 0).IsUndefined() {
				sep = strArg(a, 0)
			}
			return arrayJoin(arrThis(this).arr, sep)
		},
		"toString": func(_ *Realm, this Value, _ []Value) Value { return arrayJoin(arrThis(this).arr, ",") },
		"slice": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			i, j := relIndex(Arg(a, 0), len(o.arr), 0), relIndex(Arg(a, 1), len(o.arr), len(o.arr))
			if i >= j {
				return NewArray()
			}
			return NewArray(o.arr[i:j]...)
		},
		"splice": arrSplice,
		"concat": func(_ *Realm, this Value, a []Value) Value {
			out := slices.Clone(arrThis(this).arr)
			for _, x := range a {
				if x.k == KindArray {
					out = append(out, x.o.arr...)
				} else {
					out = append(out, x)
				}
			}
			return ArrayOf(out)
		},
		"push": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			frozenCheck(o)
			o.arr = append(o.arr, a...)
			return Int(len(o.arr))
		},
		"pop": func(_ *Realm, this Value, _ []Value) Value {
			o := arrThis(this)
			frozenCheck(o)
			if len(o.arr) == 0 {
				return Undefined
			}
			x := o.arr[len(o.arr)-1]
			o.arr = o.arr[:len(o.arr)-1]
			return x
		},
		"shift": func(_ *Realm, this Value, _ []Value) Value {
			o := arrThis(this)
			frozenCheck(o)
			if len(o.arr) == 0 {
				return Undefined
			}
			x := o.arr[0]
			o.arr = slices.Delete(o.arr, 0, 1)
			return x
		},
		"unshift": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			frozenCheck(o)
			o.arr = slices.Insert(o.arr, 0, a...)
			return Int(len(o.arr))
		},
		"reverse": func(_ *Realm, this Value, _ []Value) Value {
			frozenCheck(arrThis(this))
			slices.Reverse(this.o.arr)
			return this
		},
		"toReversed": func(_ *Realm, this Value, _ []Value) Value {
			out := slices.Clone(arrThis(this).arr)
			slices.Reverse(out)
			return ArrayOf(out)
		},
		"sort": func(r *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			frozenCheck(o)
			SortValues(r, o.arr, Arg(a, 0))
			return this
		},
		"toSorted": func(r *Realm, this Value, a []Value) Value {
			out := slices.Clone(arrThis(this).arr)
			SortValues(r, out, Arg(a, 0))
			return ArrayOf(out)
		},
		"flat": func(_ *Realm, this Value, a []Value) Value {
			depth := 1.0
			if !Arg(a, 0).IsUndefined() {
				depth = toInteger(a[0])
			}
			return ArrayOf(flatten(nil, arrThis(this).arr, depth))
		},
		"flatMap": func(r *Realm, this Value, a []Value) Value {
			o, f := arrThis(this), callback(a)
			out := []Value{}
			for i := 0; i < len(o.arr); i++ {
				x := Call(r, f, Arg(a, 1), o.arr[i], Int(i), this)
				if x.k == KindArray {
					out = append(out, x.o.arr...)
				} else {
					out = append(out, x)
				}
			}
			return ArrayOf(out)
		},
		"fill": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			frozenCheck(o)
			for i := relIndex(Arg(a, 1), len(o.arr), 0); i < relIndex(Arg(a, 2), len(o.arr), len(o.arr)); i++ {
				o.arr[i] = Arg(a, 0)
			}
			return this
		},
		"at": func(_ *Realm, this Value, a []Value) Value {
			o := arrThis(this)
			i := toInteger(Arg(a, 0))
			if i < 0 {
				i += float64(len(o.arr))
			}
			if i < 0 || i >= float64(len(o.arr)) {
				return Undefined
			}
			return o.arr[int(i)]
		},
		"keys": func(_ *Realm, this Value, _ []Value) Value {
			out := make([]Value, len(arrThis(this).arr))
			for i := range out {
				out[i] = Int(i)
			}
			return ArrayOf(out)
		},
		"values": func(_ *Realm, this Value, _ []Value) Value { return NewArray(arrThis(this).arr...) },
		"entries": func(_ *Realm, this Value, _ []Value) Value {
			o := arrThis(this)
			out := make([]Value, len(o.arr))
			for i, x := range o.arr {
				out[i] = NewArray(Int(i), x)
			}
			return ArrayOf(out)
		},
	}
}

func frozenCheck(o *Object) {
	if o.frozen {
		ThrowTypeError("Cannot add property " + NumberToString(float64(len(o.arr))) + ", object is not extensible")
	}
}

func flatten(out []Value, items []Value, depth float64) []Value {
	for _, x := range items {
		if x.k == KindArray && depth >= 1 {
			out = flatten(out, x.o.arr, depth-1)
		} else {
			out = append(out, x)
		}
	}
	if out == nil {
		out = []Value{}
	}
	return out
}

func arrFind(r *Realm, this Value, a []Value, last bool) int {
	o, f := arrThis(this), callback(a)
	n := len(o.arr)
	for k := 0; k < n; k++ {
		i := k
		if last {
			i = n - 1 - k
		}
		x := Undefined
		if i < len(o.arr) {
			x = o.arr[i]
		}
		if Truthy(Call(r, f, Arg(a, 1), x, Int(i), this)) {
			return i
		}
	}
	return -1
}

func arrReduce(r *Realm, this Value, a []Value, right bool) Value {
	o, f := arrThis(this), callback(a)
	n := len(o.arr)
	idx := func(k int) int {
		if right {
			return n - 1 - k
		}
		return k
	}
	k := 0
	var acc Value
	if len(a) > 1 {
		acc = a[1]
	} else {
		if n == 0 {
			ThrowTypeError("Reduce of empty array with no initial value")
		}
		acc, k = o.arr[idx(0)], 1
	}
	for ; k < n && idx(k) < len(o.arr); k++ {
		acc = Call(r, f, Undefined, acc, o.arr[idx(k)], Int(idx(k)), this)
	}
	return acc
}

func arrSplice(_ *Realm, this Value, a []Value) Value {
	o := arrThis(this)
	frozenCheck(o)
	n := len(o.arr)
	start := relIndex(Arg(a, 0), n, 0)
	del := 0
	switch {
	case len(a) == 0:
	case len(a) == 1:
		del = n - start
	default:
		del = int(math.Min(math.Max(toInteger(a[1]), 0), float64(n-start)))
	}
	removed := slices.Clone(o.arr[start : start+del])
	var ins []Value
	if len(a) > 2 {
		ins = a[2:]
	}
	o.arr = slices.Replace(o.arr, start, start+del, ins...)
	return ArrayOf(removed)
}
