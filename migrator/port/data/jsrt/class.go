package jsrt

// classInfo is the internal slot of a constructor function.
type classInfo struct {
	// construct builds the instance of a built-in class (Date, Map, ...); nil
	// for classes whose instances are ordinary objects initialised by the
	// function body with this bound (user classes, Error).
	construct func(r *Realm, args []Value) Value
	instClass string // class of instances made by New ("Object", "Error")
	parent    Value  // the extends clause (undefined for none)
	// body is a user class's constructor body (New and SuperCall run it;
	// calling the class without new throws, as in JavaScript).
	body Func
}

// NewClass returns a class constructor named name. parent is the extends
// clause (undefined for none; Error and its subclasses make error
// instances). ctor is the constructor body, run with this = the new object;
// it calls SuperCall itself when the class extends another. Methods go on
// GetS(class, "prototype").
func NewClass(name string, parent Value, ctor Func) Value {
	proto := NewObject()
	inst := "Object"
	if parent.k == KindFunction {
		proto.proto = protoOf(parent.o)
		if ci, ok := parent.o.slot.(*classInfo); ok {
			inst = ci.instClass
		}
	} else if !parent.IsUndefined() {
		ThrowTypeError("Class extends value " + toUTF8(ToString(parent)) + " is not a constructor or null")
	}
	if ctor == nil {
		ctor = func(r *Realm, this Value, args []Value) Value {
			if parent.k == KindFunction {
				SuperCall(r, parent, this, args...)
			}
			return Undefined
		}
	}
	c := &Object{class: "Function", name: name, slot: &classInfo{instClass: inst, parent: parent, body: ctor}}
	c.fn = func(*Realm, Value, []Value) Value {
		ThrowTypeError("Class constructor " + name + " cannot be invoked without 'new'")
		return Undefined
	}
	if parent.k == KindFunction {
		c.proto = parent.o // static members are inherited
	}
	c.SetHidden("prototype", Obj(proto))
	proto.SetHidden("constructor", Obj(c))
	return Obj(c)
}

// DefineMethod puts a class's method on its prototype (static: on the class
// itself), not enumerable, as a class body does.
func DefineMethod(class Value, key Value, method Value, static bool) {
	target := class.o
	if !static {
		target = protoOf(class.o)
	}
	target.SetHidden(PropertyKey(key), method)
}

// body is the code New and SuperCall run for ctor: a user class's
// constructor body, else the function itself.
func body(ctor *Object) Func {
	if ci, ok := ctor.slot.(*classInfo); ok && ci.body != nil {
		return ci.body
	}
	return ctor.fn
}

func protoOf(ctor *Object) *Object {
	if p, ok := ctor.GetOwn("prototype"); ok && p.IsObject() {
		return p.o
	}
	return nil
}

// SuperCall is super(...args) inside a constructor: it runs the parent
// class's constructor body on this.
func SuperCall(r *Realm, parent Value, this Value, args ...Value) {
	if parent.k != KindFunction {
		ThrowTypeError("Super constructor is not a constructor")
	}
	body(parent.o)(orBackground(r), this, args)
}

// New is new ctor(...args).
func New(r *Realm, ctor Value, args ...Value) Value {
	r = orBackground(r)
	var ci *classInfo
	if ctor.k == KindFunction {
		ci, _ = ctor.o.slot.(*classInfo)
	}
	if ci == nil {
		ThrowTypeError(describe(ctor) + " is not a constructor")
	}
	if ci.construct != nil {
		return ci.construct(r, args)
	}
	o := &Object{class: ci.instClass, proto: protoOf(ctor.o)}
	if res := body(ctor.o)(r, Obj(o), args); res.IsObject() {
		return res
	}
	return Obj(o)
}

// InstanceOf is v instanceof ctor.
func InstanceOf(v Value, ctor Value) bool {
	if ctor.k != KindFunction {
		ThrowTypeError("Right-hand side of 'instanceof' is not callable")
	}
	if !v.IsObject() {
		return false
	}
	if ci, ok := ctor.o.slot.(*classInfo); ok && ci.construct != nil {
		return ci.instClass == "Object" || v.o.class == ci.instClass
	}
	p := protoOf(ctor.o)
	for q := v.o.proto; q != nil; q = q.proto {
		if q == p {
			return true
		}
	}
	return false
}

// builtinClass makes the constructor Value of a built-in class.
func builtinClass(name, inst string, call Func, construct func(r *Realm, args []Value) Value) Value {
	if call == nil {
		call = func(*Realm, Value, []Value) Value {
			ThrowTypeError("Class constructor " + name + " cannot be invoked without 'new'")
			return Undefined
		}
	}
	return Obj(&Object{class: "Function", fn: call, name: name, slot: &classInfo{construct: construct, instClass: inst}})
}

// errorClass makes the constructor of a built-in error class.
func errorClass(name string) Value {
	c := &Object{class: "Function", name: name, slot: &classInfo{instClass: "Error"}}
	c.fn = func(r *Realm, this Value, args []Value) Value {
		msg := Undefined
		if len(args) > 0 {
			msg = args[0]
		}
		if this.IsObject() && this.o.class == "Error" {
			initError(this.o, msg)
			if len(args) > 1 && args[1].IsObject() && args[1].o.HasOwn("cause") {
				this.o.Set("cause", args[1].o.Get("cause"))
			}
			return Undefined
		}
		return NewError(r, name, msg)
	}
	c.Set("prototype", Obj(errorProto(name)))
	c.Set("captureStackTrace", Fn("captureStackTrace", func(*Realm, Value, []Value) Value { return Undefined }))
	return Obj(c)
}

func functionMethod(name string) Func {
	switch name {
	case "call":
		return func(r *Realm, this Value, args []Value) Value {
			t := Undefined
			if len(args) > 0 {
				t, args = args[0], args[1:]
			}
			return Call(r, this, t, args...)
		}
	case "apply":
		return func(r *Realm, this Value, args []Value) Value {
			t := Arg(args, 0)
			var list []Value
			if a := Arg(args, 1); a.k == KindArray {
				list = a.o.arr
			}
			return Call(r, this, t, list...)
		}
	case "bind":
		return func(r *Realm, this Value, args []Value) Value {
			f, t := this, Arg(args, 0)
			var bound []Value
			if len(args) > 1 {
				bound = append(bound, args[1:]...)
			}
			return Fn("bound "+f.o.name, func(r *Realm, _ Value, more []Value) Value {
				return Call(r, f, t, append(append([]Value(nil), bound...), more...)...)
			})
		}
	case "toString":
		return func(_ *Realm, this Value, _ []Value) Value {
			return Str("function " + this.o.name + "() { [native code] }")
		}
	}
	return nil
}

func objectMethod(name string) Func {
	switch name {
	case "hasOwnProperty":
		return func(_ *Realm, this Value, args []Value) Value {
			return Bool(this.o.HasOwn(PropertyKey(Arg(args, 0))))
		}
	case "toString", "toLocaleString":
		return func(_ *Realm, this Value, _ []Value) Value {
			switch this.o.class {
			case "Array":
				return arrayJoin(this.o.arr, ",")
			case "Object", "Map", "Set", "Promise":
				return Str("[object " + this.o.class + "]")
			}
			return Str("[object Object]")
		}
	case "valueOf":
		return func(_ *Realm, this Value, _ []Value) Value { return this }
	case "propertyIsEnumerable":
		return func(_ *Realm, this Value, args []Value) Value {
			return Bool(this.o.HasOwn(PropertyKey(Arg(args, 0))))
		}
	}
	return nil
}

// Arg is args[i], or undefined for an argument the caller did not pass.
func Arg(args []Value, i int) Value {
	if i < len(args) {
		return args[i]
	}
	return Undefined
}
