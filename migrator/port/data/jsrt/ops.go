package jsrt

import (
	"math"
	"math/big"
)

// Truthy is JavaScript's ToBoolean (if (v), !!v, &&, ||).
func Truthy(v Value) bool {
	switch v.k {
	case KindUndefined, KindNull:
		return false
	case KindBoolean:
		return v.b
	case KindNumber:
		return v.n != 0 && !math.IsNaN(v.n)
	case KindString:
		return v.s != ""
	}
	return true
}

// Not is !v.
func Not(v Value) Value { return Bool(!Truthy(v)) }

// StrictEquals is a === b.
func StrictEquals(a, b Value) bool {
	if a.k != b.k {
		return false
	}
	switch a.k {
	case KindUndefined, KindNull:
		return true
	case KindBoolean:
		return a.b == b.b
	case KindNumber:
		return a.n == b.n
	case KindString:
		return a.s == b.s
	}
	return a.o == b.o
}

// LooseEquals is a == b (IsLooselyEqual; jsrt has no BigInt or Symbol): null and undefined equal
// each other only, booleans compare as numbers, strings against numbers as numbers, an object
// against a primitive through ToPrimitive, two objects by identity.
func LooseEquals(a, b Value) bool {
	if a.k == b.k || (a.IsObject() && b.IsObject()) {
		return StrictEquals(a, b)
	}
	if a.IsNullish() || b.IsNullish() {
		return a.IsNullish() && b.IsNullish()
	}
	switch {
	case a.k == KindNumber && b.k == KindString:
		return a.n == StringToNumber(b.s)
	case a.k == KindString && b.k == KindNumber:
		return StringToNumber(a.s) == b.n
	case a.k == KindBoolean:
		return LooseEquals(Num(ToNumber(a)), b)
	case b.k == KindBoolean:
		return LooseEquals(a, Num(ToNumber(b)))
	case a.IsObject():
		return LooseEquals(ToPrimitive(a, "default"), b)
	case b.IsObject():
		return LooseEquals(a, ToPrimitive(b, "default"))
	}
	return false
}

// StrictNotEquals is a !== b.
func StrictNotEquals(a, b Value) bool { return !StrictEquals(a, b) }

// SameValueZero is the equality of includes, Set and Map (NaN equals NaN).
func SameValueZero(a, b Value) bool {
	if a.k == KindNumber && b.k == KindNumber && math.IsNaN(a.n) && math.IsNaN(b.n) {
		return true
	}
	return StrictEquals(a, b)
}

// SameValue is Object.is.
func SameValue(a, b Value) bool {
	if a.k == KindNumber && b.k == KindNumber && a.n == 0 && b.n == 0 {
		return math.Signbit(a.n) == math.Signbit(b.n)
	}
	return SameValueZero(a, b)
}

// TypeOf is typeof v.
func TypeOf(v Value) Value {
	switch v.k {
	case KindUndefined:
		return Str("undefined")
	case KindBoolean:
		return Str("boolean")
	case KindNumber:
		return Str("number")
	case KindString:
		return Str("string")
	case KindFunction:
		return Str("function")
	}
	return Str("object")
}

// ToPrimitive converts an object to a primitive (hint "number", "string" or
// "default"), calling valueOf/toString as JavaScript does.
func ToPrimitive(v Value, hint string) Value {
	if !v.IsObject() {
		return v
	}
	o := v.o
	if o.class == "Date" && hint == "default" {
		hint = "string"
	}
	order := []string{"valueOf", "toString"}
	if hint == "string" {
		order = []string{"toString", "valueOf"}
	}
	r := orBackground(nil)
	for _, m := range order {
		f := getMember(v, m)
		if f.k == KindFunction {
			res := Call(r, f, v)
			if !res.IsObject() {
				return res
			}
		}
	}
	ThrowTypeError("Cannot convert object to primitive value")
	return Undefined
}

// ToNumber is JavaScript's Number(v) conversion.
func ToNumber(v Value) float64 {
	switch v.k {
	case KindUndefined:
		return math.NaN()
	case KindNull:
		return 0
	case KindBoolean:
		if v.b {
			return 1
		}
		return 0
	case KindNumber:
		return v.n
	case KindString:
		return StringToNumber(v.s)
	}
	return ToNumber(ToPrimitive(v, "number"))
}

// ToString is JavaScript's String(v) conversion; the result is WTF-8 (Go
// UTF-8 unless the string holds lone surrogates).
func ToString(v Value) string {
	switch v.k {
	case KindUndefined:
		return "undefined"
	case KindNull:
		return "null"
	case KindBoolean:
		if v.b {
			return "true"
		}
		return "false"
	case KindNumber:
		return NumberToString(v.n)
	case KindString:
		return v.s
	}
	return ToString(ToPrimitive(v, "string"))
}

// ToValueString is String(v) as a Value.
func ToValueString(v Value) Value {
	if v.k == KindString {
		return v
	}
	return Str(ToString(v))
}

// Add is a + b (string concatenation when either side is a string after ToPrimitive).
func Add(a, b Value) Value {
	if a.k == KindNumber && b.k == KindNumber {
		return Num(a.n + b.n)
	}
	pa, pb := ToPrimitive(a, "default"), ToPrimitive(b, "default")
	if pa.k == KindString || pb.k == KindString {
		return Str(concat(ToString(pa), ToString(pb)))
	}
	return Num(ToNumber(pa) + ToNumber(pb))
}

// Sub is a - b.
func Sub(a, b Value) Value { return Num(ToNumber(a) - ToNumber(b)) }

// Mul is a * b.
func Mul(a, b Value) Value { return Num(ToNumber(a) * ToNumber(b)) }

// Div is a / b.
func Div(a, b Value) Value { return Num(ToNumber(a) / ToNumber(b)) }

// Mod is a % b (the sign of the dividend, like math.Mod).
func Mod(a, b Value) Value { return Num(math.Mod(ToNumber(a), ToNumber(b))) }

// Exp is a ** b.
func Exp(a, b Value) Value { return Num(jsPow(ToNumber(a), ToNumber(b))) }

// jsPow is Number::exponentiate. Integer exponents up to 64 in magnitude
// are computed exactly and rounded once; other exponents use math.Pow.
// V8 uses fdlibm's pow, so results can differ in the last bit (exact
// results such as 10 ** 3, 2 ** -4 or x ** 2 agree).
func jsPow(x, y float64) float64 {
	if math.IsNaN(y) || (math.Abs(x) == 1 && math.IsInf(y, 0)) {
		return math.NaN()
	}
	if y == math.Trunc(y) && math.Abs(y) <= 64 && y != 0 && x != 0 && !math.IsInf(x, 0) && !math.IsNaN(x) {
		n := int(math.Abs(y))
		acc := new(big.Float).SetPrec(uint(53*n + 64)).SetFloat64(1)
		bx := new(big.Float).SetFloat64(x)
		for i := 0; i < n; i++ {
			acc.Mul(acc, bx)
		}
		if y < 0 {
			acc.Quo(new(big.Float).SetPrec(acc.Prec()).SetFloat64(1), acc)
		}
		f, _ := acc.Float64()
		return f
	}
	return math.Pow(x, y)
}

// Neg is -v.
func Neg(v Value) Value { return Num(-ToNumber(v)) }

// Plus is +v.
func Plus(v Value) Value { return Num(ToNumber(v)) }

// lessThan is the abstract relational comparison: (a < b, undefined-because-NaN).
func lessThan(a, b Value, leftFirst bool) (bool, bool) {
	var pa, pb Value
	if leftFirst {
		pa, pb = ToPrimitive(a, "number"), ToPrimitive(b, "number")
	} else {
		pb, pa = ToPrimitive(b, "number"), ToPrimitive(a, "number")
	}
	if pa.k == KindString && pb.k == KindString {
		return compareUnits(pa.s, pb.s) < 0, false
	}
	x, y := ToNumber(pa), ToNumber(pb)
	if math.IsNaN(x) || math.IsNaN(y) {
		return false, true
	}
	return x < y, false
}

// Less is a < b.
func Less(a, b Value) bool {
	r, _ := lessThan(a, b, true)
	return r
}

// Greater is a > b.
func Greater(a, b Value) bool {
	r, _ := lessThan(b, a, false)
	return r
}

// LessEq is a <= b.
func LessEq(a, b Value) bool {
	r, undef := lessThan(b, a, false)
	return !r && !undef
}

// GreaterEq is a >= b.
func GreaterEq(a, b Value) bool {
	r, undef := lessThan(a, b, true)
	return !r && !undef
}

// ToInt32 is JavaScript's ToInt32 (the operand conversion of bitwise operators).
func ToInt32(v Value) int32 { return int32(toUint32(ToNumber(v))) }

func toUint32(f float64) uint32 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return uint32(int64(math.Mod(math.Trunc(f), 4294967296)))
}

// BitAnd is a & b.
func BitAnd(a, b Value) Value { return Int(int(ToInt32(a) & ToInt32(b))) }

// BitOr is a | b.
func BitOr(a, b Value) Value { return Int(int(ToInt32(a) | ToInt32(b))) }

// BitXor is a ^ b.
func BitXor(a, b Value) Value { return Int(int(ToInt32(a) ^ ToInt32(b))) }

// BitNot is ~a.
func BitNot(a Value) Value { return Int(int(^ToInt32(a))) }

// Shl is a << b.
func Shl(a, b Value) Value { return Int(int(ToInt32(a) << (toUint32(ToNumber(b)) & 31))) }

// Shr is a >> b.
func Shr(a, b Value) Value { return Int(int(ToInt32(a) >> (toUint32(ToNumber(b)) & 31))) }

// UShr is a >>> b.
func UShr(a, b Value) Value {
	return Num(float64(toUint32(ToNumber(a)) >> (toUint32(ToNumber(b)) & 31)))
}
