package api

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// RateLimitOptions configures RateLimit.
type RateLimitOptions struct {
	// Rate is how many requests per second a key may make on average.
	Rate float64
	// Burst is the bucket size: how many requests a key may make at once (at least 1).
	Burst int
	// Key groups requests (default: the client's source IP).
	Key func(ctx context.Context) string
	// Now is the clock (default time.Now); tests set it.
	Now func() time.Time
	// MaxKeys bounds memory: past it, idle buckets are dropped (default 10000).
	MaxKeys int
}

type bucket struct {
	tokens float64
	last   time.Time
}

// RateLimit is a token bucket per key: each request takes a token, tokens refill at Rate per
// second up to Burst, and a request finding none answers 429 with Retry-After. Buckets live in the
// execution environment: each concurrent Lambda instance counts on its own.
func RateLimit[Req, Resp any](opts RateLimitOptions) Middleware[Req, Resp] {
	if opts.Burst < 1 {
		opts.Burst = 1
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxKeys <= 0 {
		opts.MaxKeys = 10000
	}
	if opts.Key == nil {
		opts.Key = func(ctx context.Context) string {
			if r := RequestFrom(ctx); r != nil {
				return r.SourceIP
			}
			return ""
		}
	}
	var mu sync.Mutex
	buckets := map[string]*bucket{}
	take := func(key string) time.Duration {
		mu.Lock()
		defer mu.Unlock()
		now := opts.Now()
		b, ok := buckets[key]
		if !ok {
			if len(buckets) >= opts.MaxKeys {
				for k, old := range buckets {
					if now.Sub(old.last).Seconds()*opts.Rate >= float64(opts.Burst) {
						delete(buckets, k)
					}
				}
			}
			b = &bucket{tokens: float64(opts.Burst), last: now}
			buckets[key] = b
		}
		b.tokens = math.Min(float64(opts.Burst), b.tokens+now.Sub(b.last).Seconds()*opts.Rate)
		b.last = now
		if b.tokens >= 1 {
			b.tokens--
			return 0
		}
		if opts.Rate <= 0 {
			return time.Hour
		}
		return time.Duration((1 - b.tokens) / opts.Rate * float64(time.Second))
	}
	return func(next HandlerFunc[Req, Resp]) HandlerFunc[Req, Resp] {
		return func(ctx context.Context, req Req) (Resp, error) {
			if wait := take(opts.Key(ctx)); wait > 0 {
				var zero Resp
				err := NewError(http.StatusTooManyRequests, "rate_limited", "too many requests")
				seconds := int(math.Ceil(wait.Seconds()))
				err.Header = http.Header{"Retry-After": {strconv.Itoa(max(seconds, 1))}}
				return zero, err
			}
			return next(ctx, req)
		}
	}
}
