package jsrt

import (
	"slices"
	"strconv"
)

// Object is a JavaScript object: ordered own properties, an optional
// prototype, and for built-in classes an internal slot (array elements,
// function body, promise state, Date time, Map/Set entries, ...).
type Object struct {
	class  string
	props  map[string]Value
	keys   []string // own keys in insertion order
	arr    []Value  // elements of an Array
	proto  *Object
	fn     Func
	name   string // function name
	frozen bool
	slot   any
	hidden map[string]bool // own keys that are not enumerable (class methods, prototype, constructor)
}

// NewObject returns an empty plain object.
func NewObject() *Object { return &Object{class: "Object"} }

// NewObjectProto returns an empty object whose prototype is proto (nil for none).
func NewObjectProto(proto *Object) *Object { return &Object{class: "Object", proto: proto} }

// NewArray returns an array Value holding items (the slice is copied).
func NewArray(items ...Value) Value {
	return Obj(&Object{class: "Array", arr: slices.Clone(items)})
}

// ArrayOf returns an array Value that takes ownership of items.
func ArrayOf(items []Value) Value {
	if items == nil {
		items = []Value{}
	}
	return Obj(&Object{class: "Array", arr: items})
}

// Func is the Go form of a JavaScript function.
type Func func(r *Realm, this Value, args []Value) Value

// Fn returns a callable Value named name.
func Fn(name string, f Func) Value {
	if f == nil {
		f = func(*Realm, Value, []Value) Value { return Undefined }
	}
	return Obj(&Object{class: "Function", fn: f, name: name})
}

// HostObject returns an object of the given class name with these
// properties (methods are Fn values), in sorted key order.
func HostObject(class string, props map[string]Value) Value {
	o := &Object{class: class}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		o.Set(k, props[k])
	}
	return Obj(o)
}

// Class returns the object's class name ("Object", "Array", "Error", "Date", a host class, ...).
func (o *Object) Class() string { return o.class }

// Proto returns the object's prototype (nil for none).
func (o *Object) Proto() *Object { return o.proto }

// SetProto sets the object's prototype.
func (o *Object) SetProto(p *Object) { o.proto = p }

// Slot returns the object's internal slot (host objects may keep Go state here).
func (o *Object) Slot() any { return o.slot }

// SetSlot sets the object's internal slot.
func (o *Object) SetSlot(s any) { o.slot = s }

// Items returns an array's elements (the live slice; nil for non-arrays).
func (o *Object) Items() []Value { return o.arr }

// arrayIndex reports whether key is a canonical array index and its value.
func arrayIndex(key string) (int, bool) {
	if key == "" || len(key) > 10 || (len(key) > 1 && key[0] == '0') {
		return 0, false
	}
	n := 0
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if n >= 4294967295 {
		return 0, false
	}
	return n, true
}

// GetOwn returns an own property and whether it exists.
func (o *Object) GetOwn(key string) (Value, bool) {
	if o.class == "Array" {
		if i, ok := arrayIndex(key); ok {
			if i < len(o.arr) {
				return o.arr[i], true
			}
			return Undefined, false
		}
		if key == "length" {
			return Int(len(o.arr)), true
		}
	}
	v, ok := o.props[key]
	return v, ok
}

// Get returns a property, looking through the prototype chain (undefined when absent).
func (o *Object) Get(key string) Value {
	for p := o; p != nil; p = p.proto {
		if v, ok := p.GetOwn(key); ok {
			return v
		}
	}
	return Undefined
}

// Has reports whether the object or its prototype chain has the property.
func (o *Object) Has(key string) bool {
	for p := o; p != nil; p = p.proto {
		if _, ok := p.GetOwn(key); ok {
			return true
		}
	}
	return false
}

// HasOwn reports whether the object itself has the property.
func (o *Object) HasOwn(key string) bool {
	_, ok := o.GetOwn(key)
	return ok
}

// Set sets an own property (new keys go last in insertion order). Setting on
// a frozen object throws a TypeError, as in strict-mode code.
func (o *Object) Set(key string, v Value) {
	if o.frozen {
		ThrowTypeError("Cannot assign to read only property '" + key + "' of object")
	}
	if o.class == "Array" {
		if i, ok := arrayIndex(key); ok {
			if i-len(o.arr) > maxArrayGap {
				ThrowRangeError("jsrt: sparse arrays are not supported (index " + key + ")")
			}
			for len(o.arr) <= i {
				o.arr = append(o.arr, Undefined)
			}
			o.arr[i] = v
			return
		}
		if key == "length" {
			setArrayLength(o, v)
			return
		}
	}
	if o.props == nil {
		o.props = make(map[string]Value)
	}
	if _, ok := o.props[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.props[key] = v
}

// maxArrayGap bounds the holes one assignment may open: arrays are dense
// here, so a[4e9] = x throws instead of allocating billions of slots.
const maxArrayGap = 1 << 24

func setArrayLength(o *Object, v Value) {
	f := ToNumber(v)
	n := int(f)
	if float64(n) != f || n < 0 {
		Throw(NewError(nil, "RangeError", Str("Invalid array length")))
	}
	if n-len(o.arr) > maxArrayGap {
		ThrowRangeError("jsrt: sparse arrays are not supported (length " + strconv.Itoa(n) + ")")
	}
	if n <= len(o.arr) {
		clear(o.arr[n:])
		o.arr = o.arr[:n]
		return
	}
	for len(o.arr) < n {
		o.arr = append(o.arr, Undefined)
	}
}

// Delete removes an own property (the delete operator).
func (o *Object) Delete(key string) {
	if o.frozen {
		ThrowTypeError("Cannot delete property '" + key + "' of object")
	}
	if o.class == "Array" {
		if i, ok := arrayIndex(key); ok {
			if i < len(o.arr) {
				o.arr[i] = Undefined
			}
			return
		}
	}
	if _, ok := o.props[key]; !ok {
		return
	}
	delete(o.hidden, key)
	delete(o.props, key)
	o.keys = slices.DeleteFunc(o.keys, func(k string) bool { return k == key })
}

// Keys returns the own enumerable string keys in JavaScript order: array
// indices ascending, then the other keys in insertion order.
func (o *Object) Keys() []string {
	keys := make([]string, 0, len(o.arr)+len(o.keys))
	for i := range o.arr {
		keys = append(keys, strconv.Itoa(i))
	}
	var idx []string
	for _, k := range o.keys {
		if _, ok := arrayIndex(k); ok && !o.hidden[k] {
			idx = append(idx, k)
		}
	}
	if len(idx) > 0 {
		slices.SortFunc(idx, func(a, b string) int {
			x, _ := arrayIndex(a)
			y, _ := arrayIndex(b)
			return x - y
		})
		keys = append(keys, idx...)
	}
	for _, k := range o.keys {
		if _, ok := arrayIndex(k); !ok && !(o.class == "Error" && errorHidden[k]) && !o.hidden[k] {
			keys = append(keys, k)
		}
	}
	return keys
}

// SetHidden defines an own property that is not enumerable (Object.keys,
// for...in, JSON.stringify and spread leave it out), as a class's methods.
func (o *Object) SetHidden(key string, v Value) {
	o.Set(key, v)
	if o.hidden == nil {
		o.hidden = map[string]bool{}
	}
	o.hidden[key] = true
}

// errorHidden are the non-enumerable own properties the Error constructor
// makes: JSON.stringify(err) and Object.keys(err) leave them out.
var errorHidden = map[string]bool{"message": true, "stack": true, "cause": true}

// Freeze makes the object's properties read-only (Object.freeze).
func (o *Object) Freeze() { o.frozen = true }
