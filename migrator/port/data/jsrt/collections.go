package jsrt

import "math"

// collection is the internal slot of a Map or Set: entries in insertion
// order, keys compared with SameValueZero.
type collection struct {
	keys []Value
	vals []Value
	idx  map[any]int
}

// mapKey is the Go map key for SameValueZero (-0 and +0 equal, NaN equal).
func mapKey(v Value) any {
	switch v.k {
	case KindNumber:
		if v.n == 0 {
			return 0.0
		}
		if math.IsNaN(v.n) {
			return "NaN#"
		}
		return v.n
	case KindString:
		return "s" + v.s
	case KindBoolean:
		return v.b
	case KindUndefined, KindNull:
		return v.k
	}
	return v.o
}

func (c *collection) find(k Value) int {
	if i, ok := c.idx[mapKey(k)]; ok {
		return i
	}
	return -1
}

func (c *collection) set(k, v Value) {
	if k.k == KindNumber && k.n == 0 {
		k = Num(0)
	}
	if i := c.find(k); i >= 0 {
		c.vals[i] = v
		return
	}
	c.idx[mapKey(k)] = len(c.keys)
	c.keys = append(c.keys, k)
	c.vals = append(c.vals, v)
}

func (c *collection) remove(k Value) bool {
	i := c.find(k)
	if i < 0 {
		return false
	}
	c.keys = append(c.keys[:i:i], c.keys[i+1:]...)
	c.vals = append(c.vals[:i:i], c.vals[i+1:]...)
	c.idx = make(map[any]int, len(c.keys))
	for j, key := range c.keys {
		c.idx[mapKey(key)] = j
	}
	return true
}

func newCollection(class string) (*Object, *collection) {
	c := &collection{idx: map[any]int{}}
	return &Object{class: class, slot: c}, c
}

// NewMap returns new Map(entries) (entries: an iterable of [key, value] pairs, or undefined).
func NewMap(entries Value) Value {
	o, c := newCollection("Map")
	if !entries.IsNullish() {
		for _, e := range Iterate(entries) {
			c.set(Get(e, Num(0)), Get(e, Num(1)))
		}
	}
	return Obj(o)
}

// NewSet returns new Set(values) (values: an iterable, or undefined).
func NewSet(values Value) Value {
	o, c := newCollection("Set")
	if !values.IsNullish() {
		for _, v := range Iterate(values) {
			c.set(v, v)
		}
	}
	return Obj(o)
}

func coll(this Value, class string) *collection {
	if !this.IsObject() || this.o.class != class {
		ThrowTypeError("Method " + class + ".prototype function called on incompatible receiver")
	}
	return this.o.slot.(*collection)
}

func mapMethod(name string) Func {
	switch name {
	case "get":
		return func(_ *Realm, this Value, a []Value) Value {
			c := coll(this, "Map")
			if i := c.find(Arg(a, 0)); i >= 0 {
				return c.vals[i]
			}
			return Undefined
		}
	case "set":
		return func(_ *Realm, this Value, a []Value) Value {
			coll(this, "Map").set(Arg(a, 0), Arg(a, 1))
			return this
		}
	case "keys", "values", "entries", "forEach":
		return func(r *Realm, this Value, a []Value) Value {
			return collIter(r, this, coll(this, "Map"), name, a)
		}
	}
	return collMethod("Map", name)
}

func setMethod(name string) Func {
	switch name {
	case "add":
		return func(_ *Realm, this Value, a []Value) Value {
			coll(this, "Set").set(Arg(a, 0), Arg(a, 0))
			return this
		}
	case "keys", "values", "entries", "forEach":
		return func(r *Realm, this Value, a []Value) Value {
			return collIter(r, this, coll(this, "Set"), name, a)
		}
	}
	return collMethod("Set", name)
}

func collMethod(class, name string) Func {
	switch name {
	case "has":
		return func(_ *Realm, this Value, a []Value) Value { return Bool(coll(this, class).find(Arg(a, 0)) >= 0) }
	case "delete":
		return func(_ *Realm, this Value, a []Value) Value { return Bool(coll(this, class).remove(Arg(a, 0))) }
	case "clear":
		return func(_ *Realm, this Value, _ []Value) Value {
			c := coll(this, class)
			c.keys, c.vals, c.idx = nil, nil, map[any]int{}
			return Undefined
		}
	}
	return nil
}

// collIter returns keys/values/entries as arrays (iterated eagerly) or runs forEach.
func collIter(r *Realm, this Value, c *collection, name string, a []Value) Value {
	keys, vals := append([]Value(nil), c.keys...), append([]Value(nil), c.vals...)
	switch name {
	case "keys":
		return ArrayOf(keys)
	case "values":
		return ArrayOf(vals)
	case "entries":
		out := make([]Value, len(keys))
		for i := range keys {
			out[i] = NewArray(keys[i], vals[i])
		}
		return ArrayOf(out)
	}
	f := callback(a)
	for i := range keys {
		Call(r, f, Arg(a, 1), vals[i], keys[i], this)
	}
	return Undefined
}
