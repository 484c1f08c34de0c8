package jsrt

import "time"

// timeoutMax is the longest delay setTimeout takes, in milliseconds (2^31-1).
const timeoutMax = 2147483647

// Sleep is `new Promise((resolve) => setTimeout(resolve, ms))`: it waits ms milliseconds, or until
// the invoke's context ends, and returns a promise resolved to undefined. As in Node, a delay that
// is not a number from 1 to 2^31-1 (NaN and a missing delay included) is 1 ms.
func Sleep(r *Realm, ms Value) Value {
	d := ToNumber(ms)
	if !(d >= 1 && d <= timeoutMax) {
		d = 1
	}
	timer := time.NewTimer(time.Duration(d * float64(time.Millisecond)))
	defer timer.Stop()
	var done <-chan struct{}
	if ctx := orBackground(r).Context(); ctx != nil {
		done = ctx.Done()
	}
	select {
	case <-timer.C:
	case <-done:
	}
	return Resolved(Undefined)
}
