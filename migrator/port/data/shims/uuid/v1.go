package uuid

import (
	"crypto/rand"
	"fmt"
	"time"

	"migrate.local/port/jsrt"
)

// v1State is the uuid package's module state for v1 (kept per Realm): a random node id (its
// multicast bit set) and clock sequence drawn at the first call, and the last time used.
type v1State struct {
	node                 [6]byte
	clockseq             int
	lastMSecs, lastNSecs int64
}

// v1 is uuid.v1() as the uuid package (2.x to 9.x) computes it: a 60-bit timestamp of 100 ns
// intervals since 1582-10-15 from Date.now() plus a counter within the millisecond, the clock
// sequence and the node id. Options, buffers and offsets are not translated.
func v1(r *jsrt.Realm, args []jsrt.Value) jsrt.Value {
	if len(args) > 0 && !args[0].IsNullish() {
		jsrt.Throw(jsrt.NewError(nil, "NotImplementedError", jsrt.Str("uuid.v1 with options is not translated")))
	}
	s, _ := r.Host("uuid.v1").(*v1State)
	if s == nil {
		var seed [16]byte
		_, _ = rand.Read(seed[:])
		s = &v1State{clockseq: (int(seed[6])<<8 | int(seed[7])) & 0x3fff}
		copy(s.node[:], seed[:6])
		s.node[0] |= 0x01
		r.SetHost("uuid.v1", s)
	}
	msecs := time.Now().UnixMilli()
	nsecs := s.lastNSecs + 1
	dt := float64(msecs-s.lastMSecs) + float64(nsecs-s.lastNSecs)/10000
	if dt < 0 {
		s.clockseq = (s.clockseq + 1) & 0x3fff
	}
	if dt < 0 || msecs > s.lastMSecs {
		nsecs = 0
	}
	if nsecs >= 10000 {
		jsrt.Throw(jsrt.NewError(nil, "Error", jsrt.Str("uuid.v1(): Can't create more than 10M uuids/sec")))
	}
	s.lastMSecs, s.lastNSecs = msecs, nsecs
	msecs += 12219292800000
	tl := uint32(((msecs&0xfffffff)*10000 + nsecs) % 0x100000000)
	tmh := uint32(jsrt.ToInt32(jsrt.Num(float64(msecs)/0x100000000*10000)) & 0xfffffff)
	b := [16]byte{
		byte(tl >> 24), byte(tl >> 16), byte(tl >> 8), byte(tl),
		byte(tmh >> 8), byte(tmh), byte(tmh>>24&0xf | 0x10), byte(tmh >> 16),
		byte(s.clockseq>>8 | 0x80), byte(s.clockseq),
	}
	copy(b[10:], s.node[:])
	return jsrt.Str(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]))
}
