// Package jsaws connects translated JavaScript to aws-sdk-go-v2: it converts
// jsrt values to SDK input types and SDK outputs and errors back to values
// shaped like the AWS SDK for JavaScript v3's, and keeps the AWS config, the
// operations a function can call and its clients in the Realm.
//
// It is copied into every module `migrate port` generates.
package jsaws

import (
	"github.com/aws/aws-sdk-go-v2/aws"

	"migrate.local/port/jsrt"
)

// Operation is one AWS operation the generated code can call: Call maps the
// JS input object to the typed input, calls the client and returns the JS output.
type Operation struct {
	Service string // aws-sdk-go-v2 package name, e.g. "dynamodb"
	Name    string // API operation name, e.g. "PutItem"
	Call    func(r *jsrt.Realm, input jsrt.Value) jsrt.Value
}

// state is what Install keeps in the Realm.
type state struct {
	cfg     aws.Config
	ops     map[string]Operation
	clients map[string]any
}

const hostKey = "jsaws"

// Install puts the AWS config and the callable operations into the Realm;
// clients are created from cfg on first use, once per service.
func Install(r *jsrt.Realm, cfg aws.Config, ops ...Operation) {
	cfg = cfg.Copy()
	cfg.APIOptions = append(cfg.APIOptions, keepWireBody)
	s := &state{cfg: cfg, ops: map[string]Operation{}, clients: map[string]any{}}
	for _, op := range ops {
		s.ops[op.Service+"."+op.Name] = op
	}
	r.SetHost(hostKey, s)
}

func stateOf(r *jsrt.Realm) *state {
	s, _ := r.Host(hostKey).(*state)
	if s == nil {
		jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str("jsaws: the AWS config was not installed (call jsaws.Install)")))
	}
	return s
}

// Client returns the Realm's client of a service, making it with mk from the
// installed config the first time.
func Client[C any, O any](r *jsrt.Realm, service string, mk func(aws.Config, ...func(*O)) C) C {
	s := stateOf(r)
	if c, ok := s.clients[service].(C); ok {
		return c
	}
	c := mk(s.cfg)
	s.clients[service] = c
	return c
}

// Operations lists the installed operations of a service, by name.
func Operations(r *jsrt.Realm, service string) []string {
	s, _ := r.Host(hostKey).(*state)
	if s == nil {
		return nil
	}
	var names []string
	for _, op := range s.ops {
		if op.Service == service {
			names = append(names, op.Name)
		}
	}
	return names
}

// Call runs an installed operation with a JS input object and returns the JS
// output; an operation the function was not generated for throws NotImplemented.
func Call(r *jsrt.Realm, service, operation string, input jsrt.Value) jsrt.Value {
	op, ok := stateOf(r).ops[service+"."+operation]
	if !ok {
		NotImplemented(service, operation)(r, input)
	}
	return op.Call(r, input)
}

// NotImplemented is the Call of an operation migrate could not translate: it
// throws a NotImplemented error naming the operation.
func NotImplemented(service, operation string) func(r *jsrt.Realm, input jsrt.Value) jsrt.Value {
	return func(r *jsrt.Realm, _ jsrt.Value) jsrt.Value {
		jsrt.Throw(jsrt.NewError(r, "NotImplemented", jsrt.Str(
			"migrate port: AWS operation "+service+"."+operation+" is not translated; call it from hand-written Go")))
		return jsrt.Undefined
	}
}
