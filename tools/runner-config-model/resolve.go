package main

import (
	"fmt"
	"go/ast"
	"strings"
)

// Type expressions of the model (see README.md in this folder):
//
//	string bool int int8 int16 int32 uint8 uint16 uint32 float float32
//	duration time text any stringOrArray never
//	[]T        a TOML array of T
//	{}T        a TOML table with any keys, each value a T (a Go map)
//	Name       a TOML table decoded into the struct types[Name]
type model struct {
	types     map[string]map[string]string // struct name -> field name -> type expression
	exactCase map[string]bool              // structs whose custom decoder matches keys case-sensitively
	required  map[string][]string          // structs whose custom decoder requires these keys
	reviewed  map[string]bool              // custom decoders that were met (all must be, or the table is stale)
}

type ctx struct {
	file *ast.File
	pkg  *pkg
}

type resolver struct {
	loader   *loader
	rootPkg  string
	model    *model
	resolved map[string]string // "importpath.Name" -> type expression
}

func (r *resolver) resolve(expr ast.Expr, c ctx) (string, error) {
	switch t := expr.(type) {
	case *ast.Ident:
		if builtin, ok := builtinType(t.Name); ok && c.pkg.types[t.Name] == nil {
			return builtin, nil
		}
		return r.named(c.pkg, t.Name, false)
	case *ast.SelectorExpr:
		qualifier, ok := t.X.(*ast.Ident)
		if !ok {
			return "", fmt.Errorf("unexpected selector %T", t.X)
		}
		importPath, err := r.loader.importPathOf(c.file, qualifier.Name)
		if err != nil {
			return "", err
		}
		return r.qualified(importPath, t.Sel.Name, false)
	case *ast.StarExpr:
		// Pointers are transparent: the decoder allocates and decodes into the element.
		return r.resolve(t.X, c)
	case *ast.ArrayType:
		elem, err := r.resolve(t.Elt, c)
		if err != nil {
			return "", err
		}
		// A fixed-size array also takes a TOML array (of exactly that length).
		return "[]" + elem, nil
	case *ast.MapType:
		key, err := r.resolve(t.Key, c)
		if err != nil {
			return "", err
		}
		value, err := r.resolve(t.Value, c)
		if err != nil {
			return "", err
		}
		// The decoder refuses maps whose key kind is not string (or any).
		if key != "string" && key != "any" {
			return "never", nil
		}
		return "{}" + value, nil
	case *ast.InterfaceType:
		if len(t.Methods.List) == 0 {
			return "any", nil
		}
		return "never", nil
	case *ast.StructType:
		return "", fmt.Errorf("anonymous struct types are not modelled (none expected in the runner config)")
	case *ast.FuncType, *ast.ChanType:
		return "never", nil
	}
	return "", fmt.Errorf("unsupported type expression %T", expr)
}

func builtinType(name string) (string, bool) {
	switch name {
	case "string":
		return "string", true
	case "bool":
		return "bool", true
	case "int", "int64", "uint", "uint64", "uintptr":
		// uint and uint64 take any TOML integer: the decoder range-checks only the smaller kinds.
		return "int", true
	case "int8", "int16", "int32", "uint8", "uint16", "uint32":
		return name, true
	case "byte":
		return "uint8", true
	case "rune":
		return "int32", true
	case "float64":
		return "float", true
	case "float32":
		return "float32", true
	case "any":
		return "any", true
	case "error", "complex64", "complex128":
		return "never", true
	}
	return "", false
}

func (r *resolver) qualified(importPath, name string, underlyingOnly bool) (string, error) {
	if importPath == r.loader.module || strings.HasPrefix(importPath, r.loader.module+"/") {
		p, err := r.loader.load(importPath)
		if err != nil {
			return "", err
		}
		return r.named(p, name, underlyingOnly)
	}
	return externalType(importPath, name, underlyingOnly)
}

// named resolves a declared type of the runner module. With underlyingOnly (a defined type
// built on it: `type A B`), B's methods do not count, as in Go's method sets.
func (r *resolver) named(p *pkg, name string, underlyingOnly bool) (string, error) {
	key := p.importPath + "." + name
	if !underlyingOnly {
		if expr, ok := r.resolved[key]; ok {
			return expr, nil
		}
	}
	decl, ok := p.types[name]
	if !ok {
		return "", fmt.Errorf("type %s not found", key)
	}
	if decl.spec.TypeParams != nil {
		return "", fmt.Errorf("generic type %s is not modelled", key)
	}
	c := ctx{file: decl.file, pkg: p}
	if !underlyingOnly && decl.spec.Assign == 0 {
		methods := p.methods[name]
		if fn, ok := methods["UnmarshalTOML"]; ok {
			expr, err := r.custom(key, p.methodSource(fn), decl)
			if err != nil {
				return "", err
			}
			r.resolved[key] = expr
			return expr, nil
		}
		if _, ok := methods["UnmarshalText"]; ok {
			r.resolved[key] = "text"
			return "text", nil
		}
	}
	if st, ok := decl.spec.Type.(*ast.StructType); ok {
		modelName := r.structName(p, name)
		r.resolved[key] = modelName // before the fields: a struct may refer to itself
		if _, done := r.model.types[modelName]; !done {
			fields, err := r.structFields(st, c)
			if err != nil {
				return "", fmt.Errorf("%s: %w", key, err)
			}
			r.model.types[modelName] = fields
		}
		return modelName, nil
	}
	var expr string
	var err error
	switch underlying := decl.spec.Type.(type) {
	case *ast.Ident:
		if builtin, ok := builtinType(underlying.Name); ok && p.types[underlying.Name] == nil {
			expr = builtin
		} else {
			expr, err = r.named(p, underlying.Name, decl.spec.Assign == 0)
		}
	case *ast.SelectorExpr:
		qualifier := underlying.X.(*ast.Ident).Name
		importPath, perr := r.loader.importPathOf(decl.file, qualifier)
		if perr != nil {
			return "", perr
		}
		expr, err = r.qualified(importPath, underlying.Sel.Name, decl.spec.Assign == 0)
	default:
		expr, err = r.resolve(decl.spec.Type, c)
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", key, err)
	}
	if !underlyingOnly {
		r.resolved[key] = expr
	}
	return expr, nil
}

func (r *resolver) structName(p *pkg, name string) string {
	if p.importPath == r.rootPkg {
		return name
	}
	return p.name + "." + name
}
