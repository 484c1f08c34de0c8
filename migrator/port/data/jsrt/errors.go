package jsrt

import "fmt"

// Thrown is the panic value that carries a thrown JavaScript value.
type Thrown struct{ Value Value }

func (t *Thrown) Error() string {
	if t.Value.IsObject() && t.Value.o.class == "Error" {
		return ErrorName(t.Value) + ": " + ErrorMessage(t.Value)
	}
	return "Uncaught " + toUTF8(ToString(t.Value))
}

// Throw throws v (throw v): it panics with a *Thrown.
func Throw(v Value) { panic(&Thrown{Value: v}) }

// ThrowTypeError throws a new TypeError with message.
func ThrowTypeError(message string) { Throw(NewError(nil, "TypeError", Str(message))) }

// ThrowRangeError throws a new RangeError with message.
func ThrowRangeError(message string) { Throw(NewError(nil, "RangeError", Str(message))) }

// Try runs body; a JavaScript exception (a *Thrown panic) is passed to catch
// (when catch is nil it propagates); finally, when not nil, always runs last.
// Any other panic (a Go runtime error) is never swallowed: it re-panics.
func Try(body func(), catch func(e Value), finally func()) {
	if finally != nil {
		defer finally()
	}
	if catch == nil {
		body()
		return
	}
	if t := Recover(body); t != nil {
		catch(t.Value)
	}
}

// Recover runs body and returns the JavaScript exception it threw (nil if none).
// Non-JavaScript panics propagate.
func Recover(body func()) (thrown *Thrown) {
	defer func() {
		if p := recover(); p != nil {
			t, ok := p.(*Thrown)
			if !ok {
				panic(p)
			}
			thrown = t
		}
	}()
	body()
	return nil
}

// builtinErrors are the standard error classes.
var builtinErrors = map[string]bool{
	"Error": true, "TypeError": true, "RangeError": true, "SyntaxError": true,
	"ReferenceError": true, "EvalError": true, "URIError": true, "AggregateError": true,
}

// NewError returns a new error object of class (Error, TypeError, ... or a
// user subclass name, which becomes its name property) with message
// (undefined for none). r may be nil.
func NewError(r *Realm, class string, message Value) Value {
	o := &Object{class: "Error", proto: errorProto(class)}
	initError(o, message)
	if !builtinErrors[class] {
		o.Set("name", Str(class))
	}
	return Obj(o)
}

func initError(o *Object, message Value) {
	o.class = "Error"
	if !message.IsUndefined() {
		o.Set("message", Str(ToString(message)))
	}
}

// errorStack is an error's stack property when none was assigned: like
// V8's, formatted when first read, so a name set by a subclass constructor shows.
func errorStack(o *Object) Value {
	head := ToString(o.Get("name"))
	if m := ToString(o.Get("message")); m != "" {
		head += ": " + m
	}
	return Str(head + "\n    at <translated>")
}

// errorProto returns the immutable prototype of a built-in error class
// (plain Error for others); shared prototypes are frozen, so they are not
// mutable package state.
func errorProto(class string) *Object {
	if p, ok := errorProtos[class]; ok {
		return p
	}
	return errorProtos["Error"]
}

var errorProtos = func() map[string]*Object {
	base := &Object{class: "Object", props: map[string]Value{"name": Str("Error"), "message": Str("")},
		keys: []string{"name", "message"}, frozen: true}
	m := map[string]*Object{"Error": base}
	for c := range builtinErrors {
		if c == "Error" {
			continue
		}
		p := &Object{class: "Object", proto: base, props: map[string]Value{"name": Str(c)}, keys: []string{"name"}, frozen: true}
		m[c] = p
	}
	return m
}()

// ErrorName returns the name of a thrown value as Node's Lambda runtime
// reports it: an error's name property, else typeof the value.
func ErrorName(v Value) string {
	if IsError(v) {
		if n := v.o.Get("name"); n.k == KindString {
			return toUTF8(n.s)
		}
	}
	return toUTF8(TypeOf(v).s)
}

// ErrorMessage returns an error's message property, else String(v).
func ErrorMessage(v Value) string {
	if v.IsObject() && v.o.class == "Error" {
		return toUTF8(ToString(v.o.Get("message")))
	}
	return toUTF8(ToString(v))
}

// IsError reports whether v is an error object (instanceof Error).
func IsError(v Value) bool { return v.IsObject() && v.o.class == "Error" }

func notFunction(what string) { ThrowTypeError(what + " is not a function") }

func describe(v Value) string {
	switch v.k {
	case KindString:
		return fmt.Sprintf("%q", toUTF8(v.s))
	case KindObject, KindArray:
		return "object"
	}
	return toUTF8(ToString(v))
}

// CodedError is a Node error of `class` (Error, TypeError, RangeError …) with its `code`
// (ERR_INVALID_ARG_TYPE …), as Node's internal errors carry one.
func CodedError(class, message, code string) Value {
	e := NewError(nil, class, Str(message))
	e.o.Set("code", Str(code))
	return e
}

// Received is how Node's argument errors (ERR_INVALID_ARG_TYPE) end: " Received undefined",
// " Received an instance of Object", " Received type number (5)" (the value cut at 25 characters).
func Received(v Value) string {
	switch {
	case v.k == KindUndefined:
		return " Received undefined"
	case v.k == KindNull:
		return " Received null"
	case v.k == KindFunction:
		return " Received function " + ToString(GetS(v, "name"))
	case v.k == KindArray:
		return " Received an instance of Array"
	case v.IsObject():
		return " Received an instance of Object"
	}
	shown := ToString(v)
	if v.k == KindString {
		shown = "'" + shown + "'"
	}
	if len(shown) > 28 {
		shown = shown[:25] + "..."
	}
	return " Received type " + TypeOf(v).s + " (" + shown + ")"
}
