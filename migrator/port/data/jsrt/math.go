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

func unary(f func(float64) float64) func(Value) Value {
	return func(v Value) Value { return Num(f(ToNumber(v))) }
}

// Math functions of one argument.
var (
	MathFloor = unary(math.Floor)
	MathCeil  = unary(math.Ceil)
	MathAbs   = unary(math.Abs)
	MathTrunc = unary(math.Trunc)
	MathSqrt  = unary(math.Sqrt)
	MathCbrt  = unary(math.Cbrt)
	MathLog   = unary(math.Log)
	MathLog2  = unary(math.Log2)
	MathLog10 = unary(math.Log10)
	MathExp   = unary(math.Exp)
	MathSin   = unary(math.Sin)
	MathCos   = unary(math.Cos)
	MathTan   = unary(math.Tan)
	MathAtan  = unary(math.Atan)
	MathSign  = unary(func(x float64) float64 {
		if x > 0 {
			return 1
		} else if x < 0 {
			return -1
		}
		return x
	})
)

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
