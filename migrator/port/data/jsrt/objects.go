package jsrt

import "slices"

func toObjectArg(v Value) *Object {
	if v.IsNullish() {
		ThrowTypeError("Cannot convert undefined or null to object")
	}
	if v.IsObject() {
		return v.o
	}
	o := NewObject()
	ObjectAssignInto(o, v)
	return o
}

// ObjectKeys is Object.keys(v).
func ObjectKeys(v Value) Value {
	return ownList(v, func(_ *Object, k string) Value { return Str(k) })
}

// ObjectValues is Object.values(v).
func ObjectValues(v Value) Value {
	return ownList(v, func(o *Object, k string) Value { return o.Get(k) })
}

// ObjectEntries is Object.entries(v).
func ObjectEntries(v Value) Value {
	return ownList(v, func(o *Object, k string) Value { return NewArray(Str(k), o.Get(k)) })
}

// ownList is an array of one item per own enumerable key of v, in key order.
func ownList(v Value, item func(o *Object, k string) Value) Value {
	o := toObjectArg(v)
	keys := o.Keys()
	out := make([]Value, len(keys))
	for i, k := range keys {
		out[i] = item(o, k)
	}
	return ArrayOf(out)
}

// ObjectAssign is Object.assign(target, ...sources).
func ObjectAssign(target Value, sources ...Value) Value {
	t := toObjectArg(target)
	for _, s := range sources {
		ObjectAssignInto(t, s)
	}
	return Obj(t)
}

// ObjectFromEntries is Object.fromEntries(iterable).
func ObjectFromEntries(entries Value) Value {
	o := NewObject()
	for _, e := range Iterate(entries) {
		o.Set(PropertyKey(Get(e, Num(0))), Get(e, Num(1)))
	}
	return Obj(o)
}

// ObjectFreeze is Object.freeze(v): later writes throw a TypeError (strict mode).
func ObjectFreeze(v Value) Value {
	if v.IsObject() {
		v.o.Freeze()
	}
	return v
}

// ObjectIsFrozen is Object.isFrozen(v).
func ObjectIsFrozen(v Value) bool { return !v.IsObject() || v.o.frozen }

// ObjectCreate is Object.create(proto) (null for no prototype).
func ObjectCreate(proto Value) Value {
	if proto.IsObject() {
		return Obj(NewObjectProto(proto.o))
	}
	return Obj(NewObjectProto(nil))
}

// ArrayIsArray is Array.isArray(v).
func ArrayIsArray(v Value) bool { return v.k == KindArray }

// ArrayFrom is Array.from(iterable | {length}, mapFn).
func ArrayFrom(r *Realm, v Value, mapFn ...Value) Value {
	var items []Value
	switch {
	case v.IsNullish():
		ThrowTypeError(ToString(v) + " is not iterable")
	case v.k == KindObject && v.o.class == "Object":
		n := int(toInteger(v.o.Get("length")))
		items = make([]Value, max(n, 0))
		for i := range items {
			items[i] = v.o.Get(IntString(i))
		}
	case v.k == KindNumber || v.k == KindBoolean:
		items = nil
	default:
		items = Iterate(v)
	}
	if len(mapFn) > 0 && mapFn[0].k == KindFunction {
		for i := range items {
			items[i] = Call(r, mapFn[0], Undefined, items[i], Int(i))
		}
	}
	return ArrayOf(slices.Clip(items))
}

// ArrayOfValues is Array.of(...items).
func ArrayOfValues(items ...Value) Value { return NewArray(items...) }

// NewArrayLength is new Array(n) / Array(n) (n undefined elements).
func NewArrayLength(n Value) Value {
	if n.k != KindNumber {
		return NewArray(n)
	}
	if n.n != float64(int(n.n)) || n.n < 0 || n.n > 4294967295 {
		ThrowRangeError("Invalid array length")
	}
	if n.n > maxArrayGap {
		ThrowRangeError("jsrt: sparse arrays are not supported (length " + NumberToString(n.n) + ")")
	}
	return ArrayOf(make([]Value, int(n.n)))
}

// StructuredClone is structuredClone(v) for JSON-like data, Dates, Maps and Sets.
func StructuredClone(v Value) Value {
	if !v.IsObject() {
		return v
	}
	switch v.o.class {
	case "Array":
		out := make([]Value, len(v.o.arr))
		for i, x := range v.o.arr {
			out[i] = StructuredClone(x)
		}
		return ArrayOf(out)
	case "Date":
		return newDateValue(v.o.slot.(float64))
	case "Map", "Set":
		o, c := newCollection(v.o.class)
		src := v.o.slot.(*collection)
		for i := range src.keys {
			c.set(StructuredClone(src.keys[i]), StructuredClone(src.vals[i]))
		}
		return Obj(o)
	}
	if v.k == KindFunction {
		Throw(NewError(nil, "DataCloneError", Str("function could not be cloned.")))
	}
	o := NewObject()
	for _, k := range v.o.Keys() {
		o.Set(k, StructuredClone(v.o.Get(k)))
	}
	return Obj(o)
}
