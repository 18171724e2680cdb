package main

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"path"
	"strconv"
	"strings"
)

// The runner is built for Linux; the chart runs it there. Files for other platforms are skipped,
// as `go build` would skip them.
const targetOS, targetArch = "linux", "amd64"

var knownOS = strings.Fields("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos")
var knownArch = strings.Fields("386 amd64 arm arm64 loong64 mips mipsle mips64 mips64le ppc64 ppc64le riscv64 s390x wasm")

// pkg is one parsed package of the runner module: its type declarations and the methods declared
// on them (only the method names matter here: UnmarshalTOML and UnmarshalText change decoding).
type pkg struct {
	importPath string
	name       string
	fset       *token.FileSet
	sources    map[*ast.File][]byte
	types      map[string]*typeDecl
	methods    map[string]map[string]*ast.FuncDecl
}

type typeDecl struct {
	name string
	spec *ast.TypeSpec
	file *ast.File
	pkg  *pkg
}

type loader struct {
	src    source
	module string
	pkgs   map[string]*pkg
}

func (l *loader) load(importPath string) (*pkg, error) {
	if p, ok := l.pkgs[importPath]; ok {
		return p, nil
	}
	dir := strings.TrimPrefix(strings.TrimPrefix(importPath, l.module), "/")
	names, err := l.src.list(dir)
	if err != nil {
		return nil, fmt.Errorf("package %s: %w", importPath, err)
	}
	p := &pkg{
		importPath: importPath,
		fset:       token.NewFileSet(),
		sources:    map[*ast.File][]byte{},
		types:      map[string]*typeDecl{},
		methods:    map[string]map[string]*ast.FuncDecl{},
	}
	for _, name := range names {
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || !matchesFileName(name) {
			continue
		}
		text, err := l.src.read(path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		file, err := parser.ParseFile(p.fset, path.Join(dir, name), text, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if !matchesBuildLine(file) {
			continue
		}
		p.name = file.Name.Name
		p.sources[file] = text
		p.collect(file)
	}
	if p.name == "" {
		return nil, fmt.Errorf("package %s: no Go files for %s/%s", importPath, targetOS, targetArch)
	}
	l.pkgs[importPath] = p
	return p, nil
}

func (p *pkg) collect(file *ast.File) {
	for _, decl := range file.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok {
					p.types[ts.Name.Name] = &typeDecl{name: ts.Name.Name, spec: ts, file: file, pkg: p}
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil || len(d.Recv.List) == 0 {
				continue
			}
			recv := receiverName(d.Recv.List[0].Type)
			if p.methods[recv] == nil {
				p.methods[recv] = map[string]*ast.FuncDecl{}
			}
			p.methods[recv][d.Name.Name] = d
		}
	}
}

// methodSource is the text of a method declaration, fingerprinted so a changed custom decoder
// fails the generator instead of being modelled from a stale review.
func (p *pkg) methodSource(fn *ast.FuncDecl) string {
	for file, text := range p.sources {
		if file.Pos() <= fn.Pos() && fn.End() <= file.End() {
			start := p.fset.Position(fn.Pos()).Offset
			end := p.fset.Position(fn.End()).Offset
			return string(text[start:end])
		}
	}
	return ""
}

func receiverName(expr ast.Expr) string {
	switch t := expr.(type) {
	case *ast.StarExpr:
		return receiverName(t.X)
	case *ast.IndexExpr:
		return receiverName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}

// importPathOf resolves a package qualifier used in file to its import path.
func (l *loader) importPathOf(file *ast.File, qualifier string) (string, error) {
	for _, imp := range file.Imports {
		importPath, _ := strconv.Unquote(imp.Path.Value)
		if imp.Name != nil {
			if imp.Name.Name == qualifier {
				return importPath, nil
			}
			continue
		}
		if strings.HasPrefix(importPath, l.module+"/") {
			p, err := l.load(importPath)
			if err == nil && p.name == qualifier {
				return importPath, nil
			}
			continue
		}
		if defaultImportName(importPath) == qualifier {
			return importPath, nil
		}
	}
	return "", fmt.Errorf("%s: no import for qualifier %q", file.Name.Name, qualifier)
}

// defaultImportName is the package name Go assumes for an unnamed import outside the module:
// the last element, without a major-version suffix or a gopkg.in ".vN".
func defaultImportName(importPath string) string {
	base := path.Base(importPath)
	if len(base) > 1 && base[0] == 'v' && isDigits(base[1:]) {
		base = path.Base(path.Dir(importPath))
	}
	if i := strings.Index(base, ".v"); i > 0 {
		base = base[:i]
	}
	return strings.ReplaceAll(base, "-", "_")
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func matchesFileName(name string) bool {
	parts := strings.Split(strings.TrimSuffix(name, ".go"), "_")
	n := len(parts)
	isOS := func(s string) bool { return contains(knownOS, s) }
	isArch := func(s string) bool { return contains(knownArch, s) }
	if n >= 3 && isOS(parts[n-2]) && isArch(parts[n-1]) {
		return parts[n-2] == targetOS && parts[n-1] == targetArch
	}
	if n >= 2 && isOS(parts[n-1]) {
		return parts[n-1] == targetOS
	}
	if n >= 2 && isArch(parts[n-1]) {
		return parts[n-1] == targetArch
	}
	return true
}

func matchesBuildLine(file *ast.File) bool {
	for _, group := range file.Comments {
		if group.Pos() > file.Package {
			break
		}
		for _, c := range group.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				return false
			}
			return expr.Eval(func(tag string) bool {
				return tag == targetOS || tag == targetArch || tag == "unix" || tag == "gc" || strings.HasPrefix(tag, "go1.")
			})
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, item := range list {
		if item == s {
			return true
		}
	}
	return false
}
