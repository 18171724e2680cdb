package main

import (
	"fmt"
	"go/ast"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// field mirrors BurntSushi/toml's view of a struct field (type_fields.go, adapted from
// encoding/json): embedded structs without a tag are flattened into their parent, and among
// fields with one name the shallowest wins, a tagged one over an untagged one.
type field struct {
	name   string
	tagged bool
	index  []int
	typ    ast.Expr
	ctx    ctx
	// settable is false for an embedded unexported non-struct: the decoder fails on its key.
	settable bool
}

type embedded struct {
	key   string
	st    *ast.StructType
	ctx   ctx
	index []int
}

func (r *resolver) structFields(root *ast.StructType, rootCtx ctx) (map[string]string, error) {
	current := []embedded{}
	next := []embedded{{key: "", st: root, ctx: rootCtx}}
	var count, nextCount map[string]int
	visited := map[string]bool{}
	var fields []field

	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[string]int{}
		for _, e := range current {
			if e.key != "" && visited[e.key] {
				continue
			}
			visited[e.key] = true
			i := -1
			for _, f := range e.st.Fields.List {
				names := f.Names
				anonymous := len(names) == 0
				if anonymous {
					names = []*ast.Ident{{Name: embeddedName(f.Type)}}
				}
				for _, ident := range names {
					i++
					if !anonymous && !ast.IsExported(ident.Name) {
						continue
					}
					tagName, skip := tomlTag(f.Tag)
					if skip {
						continue
					}
					index := append(append([]int{}, e.index...), i)
					typ := f.Type
					if star, ok := typ.(*ast.StarExpr); ok && anonymous {
						typ = star.X
					}
					var inner *embedded
					if anonymous && tagName == "" {
						var err error
						inner, err = r.embeddedStruct(typ, e.ctx)
						if err != nil {
							return nil, err
						}
					}
					if inner == nil {
						name := tagName
						if name == "" {
							name = ident.Name
						}
						fl := field{name: name, tagged: tagName != "", index: index, typ: typ, ctx: e.ctx,
							settable: !anonymous || ast.IsExported(ident.Name)}
						fields = append(fields, fl)
						if count[e.key] > 1 {
							fields = append(fields, fl)
						}
						continue
					}
					inner.index = index
					nextCount[inner.key]++
					if nextCount[inner.key] == 1 {
						next = append(next, *inner)
					}
				}
			}
		}
	}

	sort.SliceStable(fields, func(a, b int) bool {
		x, y := fields[a], fields[b]
		if x.name != y.name {
			return x.name < y.name
		}
		if len(x.index) != len(y.index) {
			return len(x.index) < len(y.index)
		}
		if x.tagged != y.tagged {
			return x.tagged
		}
		return lessIndex(x.index, y.index)
	})
	out := map[string]string{}
	folded := map[string]string{}
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		winner, ok := dominant(fields[i:j])
		i = j
		if !ok {
			continue // two fields of one name at one depth: the decoder drops both
		}
		expr := "never"
		if winner.settable {
			var err error
			expr, err = r.resolve(winner.typ, winner.ctx)
			if err != nil {
				return nil, fmt.Errorf("field %s: %w", winner.name, err)
			}
		}
		// Keys match case-insensitively when no field matches exactly. The model lets checkers
		// do that with a lower-cased lookup, which is only faithful if no two fields fold together.
		lower := strings.ToLower(winner.name)
		if other, clash := folded[lower]; clash {
			return nil, fmt.Errorf("fields %q and %q differ only in case; the model's case-insensitive lookup cannot represent the decoder's first-match rule", other, winner.name)
		}
		folded[lower] = winner.name
		out[winner.name] = expr
	}
	return out, nil
}

func dominant(fields []field) (field, bool) {
	length := len(fields[0].index)
	tagged := -1
	for i, f := range fields {
		if len(f.index) > length {
			fields = fields[:i]
			break
		}
		if f.tagged {
			if tagged >= 0 {
				return field{}, false
			}
			tagged = i
		}
	}
	if tagged >= 0 {
		return fields[tagged], true
	}
	if len(fields) > 1 {
		return field{}, false
	}
	return fields[0], true
}

func lessIndex(a, b []int) bool {
	for k, v := range a {
		if k >= len(b) {
			return false
		}
		if v != b[k] {
			return v < b[k]
		}
	}
	return len(a) < len(b)
}

// embeddedStruct returns the struct an untagged embedded field flattens into its parent, or nil
// when the embedded type is not a struct (then it is an ordinary field named after its type).
func (r *resolver) embeddedStruct(typ ast.Expr, c ctx) (*embedded, error) {
	var p *pkg
	var name string
	switch t := typ.(type) {
	case *ast.Ident:
		p, name = c.pkg, t.Name
	case *ast.SelectorExpr:
		importPath, err := r.loader.importPathOf(c.file, t.X.(*ast.Ident).Name)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(importPath, r.loader.module+"/") && importPath != r.loader.module {
			if externalIsStruct(importPath, t.Sel.Name) {
				return nil, fmt.Errorf("embedded external struct %s.%s is not modelled", importPath, t.Sel.Name)
			}
			return nil, nil
		}
		loaded, err := r.loader.load(importPath)
		if err != nil {
			return nil, err
		}
		p, name = loaded, t.Sel.Name
	default:
		return nil, nil
	}
	for {
		decl, ok := p.types[name]
		if !ok {
			return nil, nil // a builtin such as an embedded `string`
		}
		switch u := decl.spec.Type.(type) {
		case *ast.StructType:
			return &embedded{key: p.importPath + "." + name, st: u, ctx: ctx{file: decl.file, pkg: p}}, nil
		case *ast.Ident:
			name = u.Name
		default:
			return nil, nil
		}
	}
}

func embeddedName(expr ast.Expr) string {
	switch t := expr.(type) {
	case *ast.StarExpr:
		return embeddedName(t.X)
	case *ast.SelectorExpr:
		return t.Sel.Name
	case *ast.Ident:
		return t.Name
	}
	return ""
}

// tomlTag is the decoder's reading of `toml:"name,omitempty"`: "-" skips the field, an empty
// name keeps the Go field name.
func tomlTag(lit *ast.BasicLit) (name string, skip bool) {
	if lit == nil {
		return "", false
	}
	raw, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "", false
	}
	tag := reflect.StructTag(raw).Get("toml")
	if tag == "-" {
		return "", true
	}
	name, _, _ = strings.Cut(tag, ",")
	return name, false
}
