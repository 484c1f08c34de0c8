package jsrt

// AsNumber returns the number in v, where the translator proved that v is a
// number (a typed float64 binding of the generated code). Any other kind is a
// translator bug: it panics with a Go error rather than guess a value.
func AsNumber(v Value) float64 {
	if v.k != KindNumber {
		panic(typedBug{"number", v.k})
	}
	return v.n
}

// AsBoolean returns the boolean in v, where the translator proved that v is a
// boolean (a typed bool binding); any other kind panics like AsNumber.
func AsBoolean(v Value) bool {
	if v.k != KindBoolean {
		panic(typedBug{"boolean", v.k})
	}
	return v.b
}

// typedBug is the panic value of AsNumber and AsBoolean: not a JavaScript
// exception, so no catch of the translated code can hide it.
type typedBug struct {
	want string
	got  Kind
}

func (e typedBug) Error() string {
	return "jsrt: the translation proved a " + e.want + " here but the value is a " + e.got.String()
}
