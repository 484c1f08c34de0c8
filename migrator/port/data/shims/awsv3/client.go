// Package awsv3 stands in for the AWS SDK for JavaScript v3: the
// @aws-sdk/client-* modules (clients, commands, aggregated clients),
// @aws-sdk/lib-dynamodb and @aws-sdk/util-dynamodb. Calls go to the
// operations installed by jsaws.Install (aws_ops.gen.go).
package awsv3

import (
	"slices"
	"strings"

	"migrate.local/port/jsaws"
	"migrate.local/port/jsrt"
)

// command is the slot of a command instance: which operation, and whether
// it is a lib-dynamodb (document) command.
type command struct {
	service, op string
	document    bool
}

// client is the slot of a client instance.
type client struct {
	service  string
	document bool
	opts     jsaws.MarshallOptions
}

// Client is the exports of @aws-sdk/client-<service>: <Prefix>Client with
// send(command), <Op>Command for every installed operation, and the
// aggregated <Prefix> class with one method per operation.
func Client(r *jsrt.Realm, service, prefix string) jsrt.Value {
	exports := jsrt.NewObject()
	base := clientClass(prefix+"Client", service)
	exports.Set(prefix+"Client", base)
	ops := jsaws.Operations(r, service)
	slices.Sort(ops)
	for _, op := range ops {
		exports.Set(op+"Command", commandClass(op+"Command", service, op, false))
	}
	for _, op := range ops {
		if p, ok := pagers[service][op]; ok {
			exports.Set("paginate"+op, paginate(service, op, p, false))
		}
	}
	agg := clientClass(prefix, service)
	proto := jsrt.GetS(agg, "prototype").Object()
	for _, op := range ops {
		proto.Set(lowerFirst(op), method(service, op))
	}
	exports.Set(prefix, agg)
	exports.Set(prefix+"ServiceException", jsrt.NewClass(prefix+"ServiceException", jsrt.Undefined, nil))
	return jsrt.Obj(exports)
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// clientClass is a client constructor: new X(config) keeps config and sends commands.
func clientClass(name, service string) jsrt.Value {
	cls := jsrt.NewClass(name, jsrt.Undefined, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		cfg := jsrt.NewObject()
		if len(args) > 0 && args[0].IsObject() {
			jsrt.ObjectAssignInto(cfg, args[0])
		}
		this.Object().Set("config", jsrt.Obj(cfg))
		this.Object().SetSlot(&client{service: service})
		return jsrt.Undefined
	})
	proto := jsrt.GetS(cls, "prototype").Object()
	proto.Set("send", jsrt.Fn("send", send))
	proto.Set("destroy", jsrt.Fn("destroy", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return jsrt.Undefined }))
	return cls
}

// send is client.send(command): a promise of the command's output.
func send(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
	return jsrt.Async(func() jsrt.Value {
		var cl *client
		if this.IsObject() {
			cl, _ = this.Object().Slot().(*client)
		}
		var cmd *command
		if len(args) > 0 && args[0].IsObject() {
			cmd, _ = args[0].Object().Slot().(*command)
		}
		if cl == nil || cmd == nil {
			jsrt.ThrowTypeError("send: expected a client and a command made by the AWS SDK")
		}
		input := jsrt.GetS(args[0], "input")
		if cmd.document {
			return jsaws.DocumentCall(r, cmd.op, input, cl.opts)
		}
		if cl.document {
			jsrt.ThrowTypeError("send: a low-level command sent through a DynamoDBDocumentClient is not supported")
		}
		return jsaws.Call(r, cmd.service, cmd.op, input)
	})
}

// commandClass is new XCommand(input).
func commandClass(name, service, op string, document bool) jsrt.Value {
	return jsrt.NewClass(name, jsrt.Undefined, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		input := jsrt.Undefined
		if len(args) > 0 {
			input = args[0]
		}
		this.Object().Set("input", input)
		this.Object().SetSlot(&command{service: service, op: op, document: document})
		return jsrt.Undefined
	})
}

// method is an aggregated client's op(input): a promise of the output.
func method(service, op string) jsrt.Value {
	return jsrt.Fn(lowerFirst(op), func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		return jsrt.Async(func() jsrt.Value {
			input := jsrt.Undefined
			if len(args) > 0 {
				input = args[0]
			}
			if cl, ok := this.Object().Slot().(*client); ok && cl.document {
				return jsaws.DocumentCall(r, op, input, cl.opts)
			}
			return jsaws.Call(r, service, op, input)
		})
	})
}
