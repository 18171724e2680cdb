// Command decodercheck decodes TOML documents with the runner's own TOML decoder
// (github.com/BurntSushi/toml, the version in the runner's go.mod) into Go types built at run time
// from the config model, and reports what the decoder said: an error, or keys it left undecoded.
// Tests compare that with src/values/runner-config-check.ts, so the checker is held to the real
// decoder rather than to our reading of it.
//
//	stdin:  {"model": "<path to runner-config-model.json>", "cases": [{"type": "RunnerConfig", "toml": "..."}]}
//	stdout: [{"error": "...", "undecoded": ["kubernetes.imagee"]}, ...]
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

type model struct {
	Types     map[string]map[string]string `json:"types"`
	ExactCase map[string]bool              `json:"exactCase"`
}

type input struct {
	Model string `json:"model"`
	Cases []struct {
		Type string `json:"type"`
		TOML string `json:"toml"`
	} `json:"cases"`
}

type result struct {
	Error     string   `json:"error,omitempty"`
	Undecoded []string `json:"undecoded"`
}

// stringOrArray behaves as the runner's StringOrArray.UnmarshalTOML (reviewed in external.go).
type stringOrArray []string

func (p *stringOrArray) UnmarshalTOML(data any) error {
	switch v := data.(type) {
	case string:
		*p = stringOrArray{v}
	case []any:
		for _, item := range v {
			s, ok := item.(string)
			if !ok {
				return fmt.Errorf("cannot load value of type %T into a StringOrArray", item)
			}
			*p = append(*p, s)
		}
	default:
		return fmt.Errorf("cannot load value of type %T into a StringOrArray", v)
	}
	return nil
}

// textValue stands for any type with UnmarshalText.
type textValue string

func (t *textValue) UnmarshalText(b []byte) error { *t = textValue(b); return nil }

var scalars = map[string]reflect.Type{
	"string":        reflect.TypeOf(""),
	"bool":          reflect.TypeOf(false),
	"int":           reflect.TypeOf(int64(0)),
	"int8":          reflect.TypeOf(int8(0)),
	"int16":         reflect.TypeOf(int16(0)),
	"int32":         reflect.TypeOf(int32(0)),
	"uint8":         reflect.TypeOf(uint8(0)),
	"uint16":        reflect.TypeOf(uint16(0)),
	"uint32":        reflect.TypeOf(uint32(0)),
	"float":         reflect.TypeOf(float64(0)),
	"float32":       reflect.TypeOf(float32(0)),
	"duration":      reflect.TypeOf(time.Duration(0)),
	"time":          reflect.TypeOf(time.Time{}),
	"text":          reflect.TypeOf(textValue("")),
	"stringOrArray": reflect.TypeOf(stringOrArray{}),
	"any":           reflect.TypeOf((*any)(nil)).Elem(),
	"never":         reflect.TypeOf(func() {}),
}

type builder struct {
	model *model
	built map[string]reflect.Type
}

func (b *builder) build(expr string) (reflect.Type, error) {
	switch {
	case strings.HasPrefix(expr, "[]"):
		elem, err := b.build(expr[2:])
		if err != nil {
			return nil, err
		}
		return reflect.SliceOf(elem), nil
	case strings.HasPrefix(expr, "{}"):
		elem, err := b.build(expr[2:])
		if err != nil {
			return nil, err
		}
		return reflect.MapOf(reflect.TypeOf(""), elem), nil
	}
	if t, ok := scalars[expr]; ok {
		return t, nil
	}
	if t, ok := b.built[expr]; ok {
		return t, nil
	}
	fields, ok := b.model.Types[expr]
	if !ok {
		return nil, fmt.Errorf("unknown type %q", expr)
	}
	if b.model.ExactCase[expr] {
		return nil, fmt.Errorf("%s has its own decoder; it is not rebuilt here", expr)
	}
	keys := make([]string, 0, len(fields))
	for key := range fields {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	var structFields []reflect.StructField
	for i, key := range keys {
		t, err := b.build(fields[key])
		if err != nil {
			if strings.Contains(err.Error(), "its own decoder") {
				t = scalars["any"]
			} else {
				return nil, err
			}
		}
		structFields = append(structFields, reflect.StructField{
			Name: fmt.Sprintf("F%d", i),
			Type: t,
			Tag:  reflect.StructTag(fmt.Sprintf("toml:%q", key)),
		})
	}
	t := reflect.StructOf(structFields)
	b.built[expr] = t
	return t, nil
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fail(err)
	}
	data, err := os.ReadFile(in.Model)
	if err != nil {
		fail(err)
	}
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		fail(err)
	}
	b := &builder{model: &m, built: map[string]reflect.Type{}}
	results := make([]result, 0, len(in.Cases))
	for _, c := range in.Cases {
		t, err := b.build(c.Type)
		if err != nil {
			fail(err)
		}
		target := reflect.New(t)
		md, err := toml.Decode(c.TOML, target.Interface())
		r := result{Undecoded: []string{}}
		if err != nil {
			r.Error = err.Error()
		} else {
			for _, key := range md.Undecoded() {
				r.Undecoded = append(r.Undecoded, key.String())
			}
		}
		results = append(results, r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "decodercheck:", err)
	os.Exit(1)
}
