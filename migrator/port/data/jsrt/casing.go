package jsrt

import (
	"sort"
	"strings"
)

type runeRange struct{ lo, hi rune }

func inRanges(r rune, rs []runeRange) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	return i < len(rs) && rs[i].lo <= r
}

// ToUpper is String.prototype.toUpperCase: full case mapping from node's
// tables ('ß' → "SS"), lone surrogates unchanged.
func ToUpper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		if m, ok := upperTable[r]; ok {
			b = append(b, m...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// ToLower is String.prototype.toLowerCase: full case mapping from node's
// tables, with the final-sigma rule (Σ at the end of a word becomes ς).
func ToLower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		switch m, ok := lowerTable[r]; {
		case r == 0x3A3 && finalSigma(s, i, i+n):
			b = append(b, "ς"...)
		case ok:
			b = append(b, m...)
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// finalSigma reports Unicode's Final_Sigma condition for the Σ at s[start:end]:
// a cased letter before it (skipping case-ignorables) and none after it.
func finalSigma(s string, start, end int) bool {
	before := false
	for i := start; i > 0; {
		j := i - 1
		for j > 0 && s[j]&0xC0 == 0x80 {
			j--
		}
		r, _ := decodeUnit(s, j)
		i = j
		if inRanges(r, caseIgnorableRanges) {
			continue
		}
		before = inRanges(r, casedRanges)
		break
	}
	if !before {
		return false
	}
	for i := end; i < len(s); {
		r, n := decodeUnit(s, i)
		i += n
		if inRanges(r, caseIgnorableRanges) {
			continue
		}
		return !inRanges(r, casedRanges)
	}
	return true
}
