package jsrt

import "slices"

// SortValues sorts items in place like Array.prototype.sort: stable,
// undefined last, by comparator (a function) or else by UTF-16 string order.
func SortValues(r *Realm, items []Value, comparator Value) {
	if !comparator.IsUndefined() && comparator.k != KindFunction {
		ThrowTypeError("The comparison function must be either a function or undefined")
	}
	defined := items[:0:0]
	undef := 0
	for _, x := range items {
		if x.IsUndefined() {
			undef++
		} else {
			defined = append(defined, x)
		}
	}
	if comparator.k == KindFunction {
		slices.SortStableFunc(defined, func(x, y Value) int {
			c := ToNumber(Call(r, comparator, Undefined, x, y))
			switch {
			case c < 0:
				return -1
			case c > 0:
				return 1
			}
			return 0
		})
	} else {
		strs := make([]string, len(defined))
		for i := range defined {
			strs[i] = ToString(defined[i])
		}
		idx := make([]int, len(defined))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(i, j int) int { return compareUnits(strs[i], strs[j]) })
		sorted := make([]Value, len(defined))
		for k, i := range idx {
			sorted[k] = defined[i]
		}
		defined = sorted
	}
	n := copy(items, defined)
	for i := n; i < n+undef; i++ {
		items[i] = Undefined
	}
}
