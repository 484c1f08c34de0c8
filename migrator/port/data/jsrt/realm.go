package jsrt

import (
	"context"
	"log/slog"
)

// discard is the logger of Realms made for operations reached without one
// (immutable: it drops everything).
var discard = slog.New(slog.DiscardHandler)

// Realm is the per-execution-environment state translated code runs with:
// the current invoke's context, the logger console.* writes to, and host
// values (the AWS config, shim state) keyed by name. There is no
// package-level mutable state; everything lives here.
type Realm struct {
	ctx     context.Context
	logger  *slog.Logger
	host    map[string]any
	globals map[string]Value
	// implicit holds the globals sloppy-mode code created by assignment.
	implicit map[string]Value
}

// NewRealm returns a Realm logging to logger (nil discards the logs).
func NewRealm(logger *slog.Logger) *Realm {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Realm{ctx: context.Background(), logger: logger}
}

// Context returns the current invoke's context.
func (r *Realm) Context() context.Context { return r.ctx }

// WithContext sets the current invoke's context (called at the start of each invoke).
func (r *Realm) WithContext(ctx context.Context) { r.ctx = ctx }

// Logger returns the logger console.* writes to.
func (r *Realm) Logger() *slog.Logger { return r.logger }

// Host returns a host value set with SetHost (nil when absent).
func (r *Realm) Host(key string) any { return r.host[key] }

// SetHost stores a host value (the AWS config, a shim's state) under key.
func (r *Realm) SetHost(key string, v any) {
	if r.host == nil {
		r.host = map[string]any{}
	}
	r.host[key] = v
}

// orBackground returns r, or a fresh discarding Realm for operations
// reached without one (ToString calling a user toString, ...).
func orBackground(r *Realm) *Realm {
	if r == nil {
		return &Realm{ctx: context.Background(), logger: discard}
	}
	return r
}
