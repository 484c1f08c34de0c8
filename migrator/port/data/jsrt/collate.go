package jsrt

// localeCompare approximates ICU's root collation (what Node's
// String.prototype.localeCompare uses without a locale): letters compare
// by base letter ignoring case and accents, then by accent, then lowercase
// before uppercase; whitespace and punctuation sort before digits, digits
// before letters. Exact for ASCII letters, digits and spaces and for
// Latin-1 accented letters; other characters compare by code point after them.

// latin1Base maps U+00C0..U+00FF to (base letter, accent rank); 0 base means not a letter.
var latin1Base = [64]struct {
	base   byte
	accent uint8
}{
	{'a', 2}, {'a', 1}, {'a', 3}, {'a', 7}, {'a', 6}, {'a', 5}, {'a', 10}, {'c', 8},
	{'e', 2}, {'e', 1}, {'e', 3}, {'e', 6}, {'i', 2}, {'i', 1}, {'i', 3}, {'i', 6},
	{'d', 9}, {'n', 7}, {'o', 2}, {'o', 1}, {'o', 3}, {'o', 7}, {'o', 6}, {0, 0},
	{'o', 9}, {'u', 2}, {'u', 1}, {'u', 3}, {'u', 6}, {'y', 1}, {0, 0}, {'s', 11},
	{'a', 2}, {'a', 1}, {'a', 3}, {'a', 7}, {'a', 6}, {'a', 5}, {'a', 10}, {'c', 8},
	{'e', 2}, {'e', 1}, {'e', 3}, {'e', 6}, {'i', 2}, {'i', 1}, {'i', 3}, {'i', 6},
	{'d', 9}, {'n', 7}, {'o', 2}, {'o', 1}, {'o', 3}, {'o', 7}, {'o', 6}, {0, 0},
	{'o', 9}, {'u', 2}, {'u', 1}, {'u', 3}, {'u', 6}, {'y', 1}, {0, 0}, {'y', 6},
}

type collationElement struct {
	class     uint8 // 0 spaces and punctuation, 1 digits, 2 letters, 3 others
	primary   rune
	secondary uint8 // accent rank, 0 for none
	tertiary  uint8 // 0 lowercase, 1 uppercase
}

func collationElements(s string) []collationElement {
	var out []collationElement
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		i += n
		e := collationElement{class: 3, primary: r}
		switch {
		case r >= '0' && r <= '9':
			e = collationElement{class: 1, primary: r}
		case r >= 'a' && r <= 'z':
			e = collationElement{class: 2, primary: r}
		case r >= 'A' && r <= 'Z':
			e = collationElement{class: 2, primary: r + 32, tertiary: 1}
		case r < 0x80:
			e = collationElement{class: 0, primary: r}
		case r >= 0xC0 && r <= 0xFF && latin1Base[r-0xC0].base != 0:
			b := latin1Base[r-0xC0]
			e = collationElement{class: 2, primary: rune(b.base), secondary: b.accent}
			if r < 0xE0 && r != 0xDF {
				e.tertiary = 1
			}
		case isJSSpace(r):
			e = collationElement{class: 0, primary: r}
		}
		out = append(out, e)
	}
	return out
}

// LocaleCompare is a.localeCompare(b): -1, 0 or 1.
func LocaleCompare(a, b string) int {
	ea, eb := collationElements(a), collationElements(b)
	levels := []func(collationElement) int{
		func(e collationElement) int { return int(e.class)<<24 | int(e.primary) },
		func(e collationElement) int { return int(e.secondary) },
		func(e collationElement) int { return int(e.tertiary) },
	}
	for _, key := range levels {
		for i := 0; i < len(ea) && i < len(eb); i++ {
			if x, y := key(ea[i]), key(eb[i]); x != y {
				if x < y {
					return -1
				}
				return 1
			}
		}
		if len(ea) != len(eb) {
			if len(ea) < len(eb) {
				return -1
			}
			return 1
		}
	}
	return compareUnits(a, b)
}
