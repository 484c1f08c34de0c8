package jsrt

import (
	"math"
	"math/rand/v2"
)

func nums(args []Value) []float64 {
	out := make([]float64, len(args))
	for i, a := range args {
		out[i] = ToNumber(a)
	}
	return out
}

// MathMax is Math.max(...args) (-Infinity for none, NaN if any is NaN, +0 above -0).
func MathMax(args ...Value) Value {
	m := math.Inf(-1)
	for _, f := range nums(args) {
		if math.IsNaN(f) {
			return Num(math.NaN())
		}
		if f > m || (f == 0 && m == 0 && !math.Signbit(f)) {
			m = f
		}
	}
	return Num(m)
}

// MathMin is Math.min(...args) (Infinity for none, NaN if any is NaN, -0 below +0).
func MathMin(args ...Value) Value {
	m := math.Inf(1)
	for _, f := range nums(args) {
		if math.IsNaN(f) {
			return Num(math.NaN())
		}
		if f < m || (f == 0 && m == 0 && math.Signbit(f)) {
			m = f
		}
	}
	return Num(m)
}

// MathRound is Math.round (halves toward +Infinity, -0 kept).
func MathRound(v Value) Value {
	x := ToNumber(v)
	if math.IsNaN(x) || math.IsInf(x, 0) || x == math.Trunc(x) {
		return Num(x)
	}
	if x < 0 && x >= -0.5 {
		return Num(math.Copysign(0, -1))
	}
	r := math.Floor(x)
	if x-r >= 0.5 {
		r++
	}
	return Num(r)
}

// MathFloor is Math.floor(v).
func MathFloor(v Value) Value { return Num(math.Floor(ToNumber(v))) }

// MathCeil is Math.ceil(v).
func MathCeil(v Value) Value { return Num(math.Ceil(ToNumber(v))) }

// MathAbs is Math.abs(v).
func MathAbs(v Value) Value { return Num(math.Abs(ToNumber(v))) }

// MathTrunc is Math.trunc(v).
func MathTrunc(v Value) Value { return Num(math.Trunc(ToNumber(v))) }

// MathSqrt is Math.sqrt(v).
func MathSqrt(v Value) Value { return Num(math.Sqrt(ToNumber(v))) }

// MathCbrt is Math.cbrt(v).
func MathCbrt(v Value) Value { return Num(math.Cbrt(ToNumber(v))) }

// MathLog is Math.log(v).
func MathLog(v Value) Value { return Num(math.Log(ToNumber(v))) }

// MathLog2 is Math.log2(v).
func MathLog2(v Value) Value { return Num(math.Log2(ToNumber(v))) }

// MathLog10 is Math.log10(v).
func MathLog10(v Value) Value { return Num(math.Log10(ToNumber(v))) }

// MathExp is Math.exp(v).
func MathExp(v Value) Value { return Num(math.Exp(ToNumber(v))) }

// MathSin is Math.sin(v).
func MathSin(v Value) Value { return Num(math.Sin(ToNumber(v))) }

// MathCos is Math.cos(v).
func MathCos(v Value) Value { return Num(math.Cos(ToNumber(v))) }

// MathTan is Math.tan(v).
func MathTan(v Value) Value { return Num(math.Tan(ToNumber(v))) }

// MathAtan is Math.atan(v).
func MathAtan(v Value) Value { return Num(math.Atan(ToNumber(v))) }

// MathSign is Math.sign(v) (keeps -0 and NaN).
func MathSign(v Value) Value {
	x := ToNumber(v)
	switch {
	case x > 0:
		return Num(1)
	case x < 0:
		return Num(-1)
	}
	return Num(x)
}

// MathPow is Math.pow(x, y) (JavaScript's ** rules: 1 ** Infinity is NaN).
func MathPow(x, y Value) Value { return Exp(x, y) }

// MathAtan2 is Math.atan2(y, x).
func MathAtan2(y, x Value) Value { return Num(math.Atan2(ToNumber(y), ToNumber(x))) }

// MathHypot is Math.hypot(...args).
func MathHypot(args ...Value) Value {
	s := 0.0
	for _, f := range nums(args) {
		if math.IsInf(f, 0) {
			return Num(math.Inf(1))
		}
		s = math.Hypot(s, f)
	}
	return Num(s)
}

// MathRandom is Math.random() in [0, 1).
func MathRandom() Value { return Num(rand.Float64()) }

// Math constants.
const (
	MathPI      = math.Pi
	MathE       = math.E
	MathLN2     = math.Ln2
	MathLN10    = math.Ln10
	MathLOG2E   = math.Log2E
	MathLOG10E  = math.Log10E
	MathSQRT2   = math.Sqrt2
	MathSQRT1_2 = math.Sqrt2 / 2
)
