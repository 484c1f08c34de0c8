package jsrt

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// ToFixed is Number.prototype.toFixed: exact decimal rounding, ties away from zero.
func ToFixed(x float64, digits int) string {
	if digits < 0 || digits > 100 {
		ThrowRangeError("toFixed() digits argument must be between 0 and 100")
	}
	if math.IsNaN(x) {
		return "NaN"
	}
	if math.Abs(x) >= 1e21 {
		return NumberToString(x)
	}
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	r := new(big.Rat).SetFloat64(x)
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)))
	r.Add(r, big.NewRat(1, 2))
	n := new(big.Int).Quo(r.Num(), r.Denom())
	s := n.String()
	if digits == 0 {
		return sign + s
	}
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	return sign + s[:len(s)-digits] + "." + s[len(s)-digits:]
}

// ToPrecision is Number.prototype.toPrecision(p) for p in 1..100.
func ToPrecision(x float64, p int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return NumberToString(x)
	}
	if p < 1 || p > 100 {
		ThrowRangeError("toPrecision() argument must be between 1 and 100")
	}
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	if x == 0 {
		if p == 1 {
			return sign + "0"
		}
		return "0." + strings.Repeat("0", p-1)
	}
	digits, e := roundSignificant(x, p)
	if e < -6 || e >= p {
		m := digits[:1]
		if p > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if e < 0 {
			es = "-"
		}
		return sign + m + "e" + es + strconv.Itoa(abs(e))
	}
	if e == p-1 {
		return sign + digits
	}
	if e >= 0 {
		return sign + digits[:e+1] + "." + digits[e+1:]
	}
	return sign + "0." + strings.Repeat("0", -(e+1)) + digits
}

// roundSignificant rounds x > 0 to p significant digits, ties away from zero,
// returning the digits and the decimal exponent of the first digit.
func roundSignificant(x float64, p int) (string, int) {
	r := new(big.Rat).SetFloat64(x)
	_, exp, _ := strings.Cut(strconv.FormatFloat(x, 'e', 40, 64), "e") // the exact value's exponent
	e, _ := strconv.Atoi(exp)
	for {
		scaled := new(big.Rat).Set(r)
		shift := p - 1 - e
		pow := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(shift))), nil))
		if shift >= 0 {
			scaled.Mul(scaled, pow)
		} else {
			scaled.Quo(scaled, pow)
		}
		scaled.Add(scaled, big.NewRat(1, 2))
		n := new(big.Int).Quo(scaled.Num(), scaled.Denom()).String()
		switch {
		case len(n) == p:
			return n, e
		case len(n) > p:
			e++
		default:
			e--
		}
	}
}

// NumberToRadix is Number.prototype.toString(radix) for radix 2..36, with
// V8's algorithm (DoubleToRadixCString): fraction digits up to the
// precision of the double, rounded half to even.
func NumberToRadix(f float64, radix int) string {
	if radix < 2 || radix > 36 {
		ThrowRangeError("toString() radix must be between 2 and 36")
	}
	if radix == 10 || math.IsNaN(f) || math.IsInf(f, 0) || f == 0 {
		return NumberToString(f)
	}
	const chars = "0123456789abcdefghijklmnopqrstuvwxyz"
	neg := f < 0
	if neg {
		f = -f
	}
	integer := math.Floor(f)
	fraction := f - integer
	delta := math.Max(0.5*(math.Nextafter(f, math.Inf(1))-f), math.Nextafter(0, 1))
	var frac []byte
	if fraction >= delta {
		for {
			fraction *= float64(radix)
			delta *= float64(radix)
			digit := int(fraction)
			frac = append(frac, chars[digit])
			fraction -= float64(digit)
			if fraction > 0.5 || (fraction == 0.5 && digit&1 == 1) {
				if fraction+delta > 1 {
					for {
						if len(frac) == 0 {
							integer++
							break
						}
						last := digitVal(frac[len(frac)-1])
						frac = frac[:len(frac)-1]
						if last+1 < radix {
							frac = append(frac, chars[last+1])
							break
						}
					}
					break
				}
			}
			if fraction < delta {
				break
			}
		}
	}
	var ip []byte
	for exponentOf(integer/float64(radix)) > 0 {
		integer /= float64(radix)
		ip = append(ip, '0')
	}
	for {
		rem := math.Mod(integer, float64(radix))
		ip = append(ip, chars[int(rem)])
		integer = (integer - rem) / float64(radix)
		if integer <= 0 {
			break
		}
	}
	slices.Reverse(ip)
	out := string(ip)
	if len(frac) > 0 {
		out += "." + string(frac)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// exponentOf is V8's Double::Exponent: the binary exponent of f with the
// significand read as a 53-bit integer (> 0 means f >= 2^53).
func exponentOf(f float64) int {
	bits := math.Float64bits(f)
	e := int(bits>>52) & 0x7FF
	if e == 0 {
		return -1074
	}
	return e - 1075
}
