//go:build js && wasm

// Command wasm exposes package browserverify to the portal's JavaScript as
// the global object sovereignVerify. Every function returns a plain object
// {ok: value} or {error: message}.
package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/sovereign-gov/sovereign/portal/browserverify"
)

func result(v any, err error) any {
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"ok": js.Global().Get("JSON").Call("parse", string(b))}
}

func bytesOf(v js.Value) []byte {
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func main() {
	api := map[string]any{
		"publishedTopic": browserverify.PublishedTopic,
		"relayedTopic":   browserverify.RelayedTopic,
		"policyCall":     browserverify.PolicyCall(),
		"verifierOfCall": js.FuncOf(func(_ js.Value, a []js.Value) any {
			return result(browserverify.VerifierOfCall(uint32(a[0].Int())), nil)
		}),
		"decodeVerifierOf": js.FuncOf(func(_ js.Value, a []js.Value) any {
			return result(browserverify.DecodeVerifierOf(a[0].String()))
		}),
		"sha256": js.FuncOf(func(_ js.Value, a []js.Value) any {
			return result(browserverify.SHA256(bytesOf(a[0])), nil)
		}),
		"releasedRoot": js.FuncOf(func(_ js.Value, a []js.Value) any {
			return result(browserverify.ReleasedRoot(bytesOf(a[0])))
		}),
		"decodePublished": js.FuncOf(func(_ js.Value, a []js.Value) any {
			topics := make([]string, a[0].Length())
			for i := range topics {
				topics[i] = a[0].Index(i).String()
			}
			return result(browserverify.DecodePublished(topics, a[1].String()))
		}),
		"decodeRelayed": js.FuncOf(func(_ js.Value, a []js.Value) any {
			topics := make([]string, a[0].Length())
			for i := range topics {
				topics[i] = a[0].Index(i).String()
			}
			return result(browserverify.DecodeRelayed(topics, a[1].String()))
		}),
		"verifierCall": js.FuncOf(func(_ js.Value, a []js.Value) any {
			var p browserverify.Published
			if err := json.Unmarshal([]byte(js.Global().Get("JSON").Call("stringify", a[1]).String()), &p); err != nil {
				return result(nil, err)
			}
			return result(browserverify.VerifierCall(a[0].String(), &p, a[2].String()))
		}),
	}
	js.Global().Set("sovereignVerify", js.ValueOf(api))
	js.Global().Get("document").Call("dispatchEvent", js.Global().Get("Event").New("sovereign-verify-ready"))
	select {}
}
