package main

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
)

// TestTypedStructEntry calls the port of the orders fixture through portHandleTyped, whose event and
// answer are Go structs of the handler's own interfaces (Order<Meta>, Receipt), and through handle,
// the raw-JSON path, with the same order: both answer what Node answers.
func TestTypedStructEntry(t *testing.T) {
	ctx := context.Background()
	a, err := newApp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	note, coupon, upper := "gift", "save10", "SAVE10"
	order := tsOrderMeta{
		Id:     "o-1",
		Lines:  []tsLine{{Sku: "A", Qty: 2, Note: &note, Tags: []string{}}, {Sku: "B", Qty: 1.5, Tags: []string{"x"}}},
		Meta:   tsMeta{Channel: "web"},
		Coupon: &coupon,
	}
	want := tsReceipt{Id: "o-1", Total: 3.5, Count: 2, Notes: []string{"A: gift"}, Channel: "web", Coupon: &upper}
	typed, err := a.portHandleTyped(ctx, order)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(order)
	if err != nil {
		t.Fatal(err)
	}
	out, err := a.handle(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	var viaRaw tsReceipt
	if err := json.Unmarshal(out, &viaRaw); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(typed, want) || !reflect.DeepEqual(viaRaw, want) {
		t.Errorf("typed %+v, raw %+v, want %+v", typed, viaRaw, want)
	}
	empty := tsOrderMeta{Id: "o-2", Lines: []tsLine{}, Meta: tsMeta{Channel: "shop"}}
	got, err := a.portHandleTyped(ctx, empty)
	if err != nil {
		t.Fatal(err)
	}
	if got.Coupon != nil || got.Count != 0 || len(got.Notes) != 0 {
		t.Errorf("empty order: %+v", got)
	}
}
