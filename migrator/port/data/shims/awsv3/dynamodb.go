package awsv3

import (
	"migrate.local/port/jsaws"
	"migrate.local/port/jsrt"
)

// documentOps are lib-dynamodb's commands (without "Command") and the DynamoDB operation of each.
var documentOps = [][2]string{
	{"Get", "GetItem"}, {"Put", "PutItem"}, {"Update", "UpdateItem"}, {"Delete", "DeleteItem"},
	{"Query", "Query"}, {"Scan", "Scan"}, {"BatchGet", "BatchGetItem"}, {"BatchWrite", "BatchWriteItem"},
	{"TransactGet", "TransactGetItems"}, {"TransactWrite", "TransactWriteItems"},
	{"ExecuteStatement", "ExecuteStatement"}, {"BatchExecuteStatement", "BatchExecuteStatement"},
	{"ExecuteTransaction", "ExecuteTransaction"},
}

// LibDynamoDB is the exports of @aws-sdk/lib-dynamodb: DynamoDBDocumentClient.from(client,
// {marshallOptions}), DynamoDBDocument.from(…) with v2-style methods (get, put, query…),
// and the <X>Command classes, whose inputs and outputs hold native JS values.
func LibDynamoDB(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	for _, pair := range documentOps {
		exports.Set(pair[0]+"Command", commandClass(pair[0]+"Command", "dynamodb", pair[1], true))
	}
	for _, op := range []string{"Query", "Scan"} {
		exports.Set("paginate"+op, paginate("dynamodb", op, pagers["dynamodb"][op], true))
	}
	docClient := documentClass("DynamoDBDocumentClient", false)
	exports.Set("DynamoDBDocumentClient", docClient)
	exports.Set("DynamoDBDocument", documentClass("DynamoDBDocument", true))
	return jsrt.Obj(exports)
}

// documentClass is a DynamoDBDocumentClient (withMethods: DynamoDBDocument) with its static from().
func documentClass(name string, withMethods bool) jsrt.Value {
	cls := jsrt.NewClass(name, jsrt.Undefined, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		initDocument(this, args)
		return jsrt.Undefined
	})
	proto := jsrt.GetS(cls, "prototype").Object()
	proto.Set("send", jsrt.Fn("send", send))
	proto.Set("destroy", jsrt.Fn("destroy", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return jsrt.Undefined }))
	if withMethods {
		for _, pair := range documentOps {
			proto.Set(lowerFirst(pair[0]), method("dynamodb", pair[1]))
		}
	}
	cls.Object().Set("from", jsrt.Fn("from", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return jsrt.New(r, cls, args...)
	}))
	return cls
}

func initDocument(this jsrt.Value, args []jsrt.Value) {
	cl := &client{service: "dynamodb", document: true}
	if len(args) > 1 && args[1].IsObject() {
		cl.opts = jsaws.MarshallOptionsOf(args[1].Object().Get("marshallOptions"))
	}
	if len(args) > 0 && args[0].IsObject() {
		this.Object().Set("config", args[0].Object().Get("config"))
	}
	this.Object().SetSlot(cl)
}

// UtilDynamoDB is the exports of @aws-sdk/util-dynamodb: marshall, unmarshall,
// convertToAttr and convertToNative.
func UtilDynamoDB(r *jsrt.Realm) jsrt.Value {
	return jsrt.HostObject("Object", map[string]jsrt.Value{
		"marshall": jsrt.Fn("marshall", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			return jsaws.Marshall(r, jsrt.Arg(args, 0), jsaws.MarshallOptionsOf(jsrt.Arg(args, 1)))
		}),
		"unmarshall": jsrt.Fn("unmarshall", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			return jsaws.Unmarshall(r, jsrt.Arg(args, 0))
		}),
		"convertToAttr": jsrt.Fn("convertToAttr", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			return jsaws.ConvertToAttr(r, jsrt.Arg(args, 0), jsaws.MarshallOptionsOf(jsrt.Arg(args, 1)))
		}),
		"convertToNative": jsrt.Fn("convertToNative", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			return jsaws.ConvertToNative(r, jsrt.Arg(args, 0))
		}),
	})
}
