package jsrt

// Implicit globals: in a sloppy-mode script (CommonJS without "use strict"),
// assigning to a name declared nowhere creates a property of the global
// object, shared by every module of the process and kept across invokes.
// Reading the name before any assignment throws a ReferenceError.

// SetImplicit is `name = v` for an undeclared name of a sloppy-mode script.
func (r *Realm) SetImplicit(name string, v Value) {
	if r.implicit == nil {
		r.implicit = map[string]Value{}
	}
	r.implicit[name] = v
}

// Implicit reads an implicit global: its value, or, before the first
// assignment, Node's `ReferenceError: name is not defined`.
func (r *Realm) Implicit(name string) Value {
	v, ok := r.implicit[name]
	if !ok {
		Throw(NewError(r, "ReferenceError", Str(name+" is not defined")))
	}
	return v
}

// TypeOfImplicit is `typeof name` for an implicit global: "undefined" before
// the first assignment (typeof never throws for an unresolvable name).
func (r *Realm) TypeOfImplicit(name string) Value {
	v, ok := r.implicit[name]
	if !ok {
		return Str("undefined")
	}
	return TypeOf(v)
}
