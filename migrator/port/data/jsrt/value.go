// Package jsrt gives translated JavaScript handler code JavaScript's value
// semantics in Go: dynamic values, UTF-16 strings, property order, thrown
// exceptions as panics carrying *Thrown, and the built-ins handler code uses.
//
// It is copied into every module `migrate port` generates (stdlib only).
package jsrt

// Kind is the JavaScript type of a Value (arrays, functions and promises
// are objects in JavaScript; they have their own kinds here for speed).
type Kind uint8

// The kinds of Value.
const (
	KindUndefined Kind = iota
	KindNull
	KindBoolean
	KindNumber
	KindString
	KindObject
	KindArray
	KindFunction
	KindPromise
)

func (k Kind) String() string {
	return [...]string{"undefined", "null", "boolean", "number", "string", "object", "array", "function", "promise"}[k]
}

// Value is a JavaScript value. The zero Value is undefined. Values are
// copied by value; objects, arrays, functions and promises are references.
// Strings are held as WTF-8 (UTF-8 that may encode lone surrogates), so
// every UTF-16 string, including lone surrogates, is kept exactly.
type Value struct {
	k Kind
	b bool
	n float64
	s string
	o *Object
}

// Undefined is JavaScript's undefined (also the zero Value).
var Undefined = Value{}

// Null returns JavaScript's null.
func Null() Value { return Value{k: KindNull} }

// Bool returns a boolean Value.
func Bool(b bool) Value { return Value{k: KindBoolean, b: b} }

// Num returns a number Value.
func Num(f float64) Value { return Value{k: KindNumber, n: f} }

// Int returns a number Value from an int.
func Int(i int) Value { return Value{k: KindNumber, n: float64(i)} }

// Str returns a string Value from Go UTF-8 text.
func Str(s string) Value { return Value{k: KindString, s: s} }

// StrUTF16 returns a string Value with exactly these UTF-16 code units.
func StrUTF16(u []uint16) Value { return Value{k: KindString, s: fromUnits(u)} }

// Obj wraps an object as a Value (its kind follows the object: array, function, promise or object).
func Obj(o *Object) Value {
	if o == nil {
		return Null()
	}
	switch {
	case o.fn != nil:
		return Value{k: KindFunction, o: o}
	case o.class == "Array":
		return Value{k: KindArray, o: o}
	case o.class == "Promise":
		return Value{k: KindPromise, o: o}
	}
	return Value{k: KindObject, o: o}
}

// Kind reports the value's kind.
func (v Value) Kind() Kind { return v.k }

// IsUndefined reports whether v is undefined.
func (v Value) IsUndefined() bool { return v.k == KindUndefined }

// IsNullish reports whether v is undefined or null (what ?? and ?. test).
func (v Value) IsNullish() bool { return v.k <= KindNull }

// IsObject reports whether v is any object (including arrays, functions, promises).
func (v Value) IsObject() bool { return v.k >= KindObject }

// Object returns the object behind v, or nil for a primitive.
func (v Value) Object() *Object { return v.o }

// Float returns the number in v (0 when v is not a number; use ToNumber to convert).
func (v Value) Float() float64 { return v.n }

// Boolean returns the boolean in v (false when v is not a boolean; use Truthy to convert).
func (v Value) Boolean() bool { return v.b }

// GoString returns the string in v as Go text ("" when v is not a string);
// lone surrogates become U+FFFD.
func (v Value) GoString() string {
	if v.k != KindString {
		return ""
	}
	return toUTF8(v.s)
}

// UTF16 returns the UTF-16 code units of a string Value (nil when v is not a string).
func (v Value) UTF16() []uint16 {
	if v.k != KindString {
		return nil
	}
	return toUnits(v.s)
}

// Coalesce is a ?? b with b evaluated eagerly; use IsNullish for the lazy form.
func Coalesce(a, b Value) Value {
	if a.IsNullish() {
		return b
	}
	return a
}
