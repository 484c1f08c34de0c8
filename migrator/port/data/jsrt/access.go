package jsrt

import "strconv"

// PropertyKey converts a value used as a[key] to its property key string.
func PropertyKey(key Value) string {
	if key.k == KindString {
		return key.s
	}
	if key.k == KindNumber {
		if i := int(key.n); float64(i) == key.n && i >= 0 {
			return strconv.Itoa(i)
		}
	}
	return ToString(key)
}

// Get is v[key]; it throws a TypeError on undefined/null like V8.
func Get(v Value, key Value) Value {
	if key.k == KindNumber && v.k == KindArray {
		if i := int(key.n); float64(i) == key.n && i >= 0 {
			if i < len(v.o.arr) {
				return v.o.arr[i]
			}
			return Undefined
		}
	}
	return GetS(v, PropertyKey(key))
}

// GetS is v.key; it throws a TypeError on undefined/null like V8.
func GetS(v Value, key string) Value {
	if v.IsNullish() {
		ThrowTypeError("Cannot read properties of " + ToString(v) + " (reading '" + toUTF8(key) + "')")
	}
	return getMember(v, key)
}

// GetOpt is v?.key: undefined when v is undefined or null.
func GetOpt(v Value, key string) Value {
	if v.IsNullish() {
		return Undefined
	}
	return getMember(v, key)
}

func getMember(v Value, key string) Value {
	switch v.k {
	case KindUndefined, KindNull:
		return Undefined
	case KindString:
		if key == "length" {
			return Int(unitLen(v.s))
		}
		if i, ok := arrayIndex(key); ok {
			if i < unitLen(v.s) {
				return Str(unitSlice(v.s, i, i+1))
			}
			return Undefined
		}
	default:
		if v.IsObject() {
			for p := v.o; p != nil; p = p.proto {
				if x, ok := p.GetOwn(key); ok {
					return x
				}
			}
			if x, ok := classProperty(v.o, key); ok {
				return x
			}
		}
	}
	if m := builtinMethod(v, key); m != nil {
		return Fn(key, m)
	}
	return Undefined
}

// classProperty serves the computed properties of built-in classes.
func classProperty(o *Object, key string) (Value, bool) {
	switch {
	case o.fn != nil && key == "name":
		return Str(o.name), true
	case o.class == "Error" && key == "stack":
		return errorStack(o), true
	case o.class == "Map" || o.class == "Set":
		if key == "size" {
			return Int(len(o.slot.(*collection).keys)), true
		}
	case o.class == "Buffer":
		if key == "length" {
			return Int(len(o.slot.([]byte))), true
		}
		if i, ok := arrayIndex(key); ok && i < len(o.slot.([]byte)) {
			return Int(int(o.slot.([]byte)[i])), true
		}
	}
	return Undefined, false
}

// Set is v[key] = x; it throws a TypeError on undefined/null like V8.
func Set(v Value, key Value, x Value) {
	if key.k == KindNumber && v.k == KindArray && !v.o.frozen {
		if i := int(key.n); float64(i) == key.n && i >= 0 && i < len(v.o.arr) {
			v.o.arr[i] = x
			return
		}
	}
	SetS(v, PropertyKey(key), x)
}

// SetS is v.key = x.
func SetS(v Value, key string, x Value) {
	if v.IsNullish() {
		ThrowTypeError("Cannot set properties of " + ToString(v) + " (setting '" + toUTF8(key) + "')")
	}
	if v.IsObject() {
		v.o.Set(key, x)
	}
	// Assignments to primitives' properties are ignored (sloppy) or throw
	// (strict); translated code never relies on either.
}

// DeleteS is delete v.key.
func DeleteS(v Value, key string) {
	if v.IsNullish() {
		ThrowTypeError("Cannot convert undefined or null to object")
	}
	if v.IsObject() {
		v.o.Delete(key)
	}
}

// In is key in v.
func In(key Value, v Value) bool {
	if !v.IsObject() {
		ThrowTypeError("Cannot use 'in' operator to search for '" + toUTF8(ToString(key)) + "' in " + toUTF8(ToString(v)))
	}
	k := PropertyKey(key)
	if v.o.Has(k) {
		return true
	}
	_, ok := classProperty(v.o, k)
	return ok
}

// Call is fn.call(this, ...args); it throws a TypeError when fn is not a function.
func Call(r *Realm, fn Value, this Value, args ...Value) Value {
	if fn.k != KindFunction {
		notFunction(describe(fn))
	}
	return fn.o.fn(orBackground(r), this, args)
}

// CallMethod is recv.name(...args): own and inherited function properties
// first, then the built-in methods of strings, numbers, arrays, functions,
// promises, Date, Map, Set, RegExp, Buffer and plain objects.
func CallMethod(r *Realm, recv Value, name string, args ...Value) Value {
	if recv.IsNullish() {
		ThrowTypeError("Cannot read properties of " + ToString(recv) + " (reading '" + toUTF8(name) + "')")
	}
	if recv.IsObject() {
		for p := recv.o; p != nil; p = p.proto {
			if x, ok := p.GetOwn(name); ok {
				if x.k != KindFunction {
					notFunction(recv.o.class + "." + toUTF8(name))
				}
				return x.o.fn(orBackground(r), recv, args)
			}
		}
	}
	if m := builtinMethod(recv, name); m != nil {
		return m(orBackground(r), recv, args)
	}
	notFunction(toUTF8(ToString(TypeOf(recv))) + "." + toUTF8(name))
	return Undefined
}

// builtinMethod finds the built-in method name for v's kind and class.
func builtinMethod(v Value, name string) Func {
	var m Func
	switch v.k {
	case KindString:
		m = stringMethod(name)
	case KindNumber:
		m = numberMethod(name)
	case KindBoolean:
		if name == "toString" || name == "valueOf" {
			m = func(_ *Realm, this Value, _ []Value) Value {
				if name == "valueOf" {
					return this
				}
				return ToValueString(this)
			}
		}
	case KindArray:
		m = arrayMethod(name)
	case KindFunction:
		m = functionMethod(name)
	case KindPromise:
		m = promiseMethod(name)
	case KindObject:
		m = classMethod(v.o.class, name)
	}
	if m == nil && v.IsObject() {
		m = objectMethod(name)
	}
	return m
}

func classMethod(class, name string) Func {
	switch class {
	case "Date":
		return dateMethod(name)
	case "Map":
		return mapMethod(name)
	case "Set":
		return setMethod(name)
	case "RegExp":
		return regexpMethod(name)
	case "Buffer":
		return bufferMethod(name)
	case "Error":
		if name == "toString" {
			return func(_ *Realm, this Value, _ []Value) Value {
				n, m := ToString(GetS(this, "name")), ToString(GetS(this, "message"))
				if m == "" {
					return Str(n)
				}
				if n == "" {
					return Str(m)
				}
				return Str(n + ": " + m)
			}
		}
	}
	return nil
}

// Template is a template literal `a${b}c`: the parts' strings concatenated.
func Template(parts ...Value) Value {
	s := ""
	for _, p := range parts {
		s = concat(s, ToString(p))
	}
	return Str(s)
}

// ObjectAssignInto copies src's own enumerable properties into dst ({...src}, Object.assign).
func ObjectAssignInto(dst *Object, src Value) {
	switch src.k {
	case KindString:
		for i, u := range toUnits(src.s) {
			dst.Set(strconv.Itoa(i), StrUTF16([]uint16{u}))
		}
	case KindObject, KindArray, KindFunction, KindPromise:
		for _, k := range src.o.Keys() {
			dst.Set(k, src.o.Get(k))
		}
	}
}

// AppendSpread appends the elements of an iterable ([...src], f(...src)).
func AppendSpread(dst []Value, src Value) []Value {
	return append(dst, Iterate(src)...)
}

// Iterate returns the values for (x of v) visits: array elements, string
// code points, Set values, Map [key, value] entries.
func Iterate(v Value) []Value {
	switch v.k {
	case KindArray:
		return append([]Value(nil), v.o.arr...)
	case KindString:
		var out []Value
		for i := 0; i < len(v.s); {
			_, n := decodeUnit(v.s, i)
			out = append(out, Str(v.s[i:i+n]))
			i += n
		}
		return out
	case KindObject:
		switch v.o.class {
		case "Set":
			return append([]Value(nil), v.o.slot.(*collection).keys...)
		case "Map":
			c := v.o.slot.(*collection)
			out := make([]Value, len(c.keys))
			for i := range c.keys {
				out[i] = NewArray(c.keys[i], c.vals[i])
			}
			return out
		case "Buffer":
			b := v.o.slot.([]byte)
			out := make([]Value, len(b))
			for i, c := range b {
				out[i] = Int(int(c))
			}
			return out
		}
	}
	ThrowTypeError(describe(v) + " is not iterable")
	return nil
}

// ForInKeys returns the keys for (k in v) visits (own enumerable keys).
func ForInKeys(v Value) []string {
	switch v.k {
	case KindString:
		n := unitLen(v.s)
		keys := make([]string, n)
		for i := range keys {
			keys[i] = strconv.Itoa(i)
		}
		return keys
	case KindObject, KindArray, KindFunction, KindPromise:
		return v.o.Keys()
	}
	return nil
}
