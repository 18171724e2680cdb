// Command runner-config-model writes a model of every config.toml key the GitLab Runner at one
// commit decodes, with the type its TOML decoder accepts there. It reads the runner's Go config
// structs (common/config.go and everything they reach) with go/parser, without building the runner.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

const (
	rootPackage = "common"
	rootType    = "Config"
	// The decoder the runner uses (LoadConfig: toml.DecodeFile); its rules are what the model follows.
	decoderModule = "github.com/BurntSushi/toml"
)

func main() {
	sourcePath := flag.String("source", "", "runner source: a git directory (with --commit) or a checkout")
	commit := flag.String("commit", "", "commit to read from a git directory (recorded in the model)")
	out := flag.String("out", "", "model file to write (JSON)")
	pathsOut := flag.String("paths", "", "key path listing to write (text, one key path per line)")
	check := flag.Bool("check", false, "compare with the existing files instead of writing them")
	flag.Parse()
	if *sourcePath == "" || *out == "" || *pathsOut == "" {
		fmt.Fprintln(os.Stderr, "usage: runner-config-model --source <git dir|checkout> --commit <sha> --out <model.json> --paths <key-paths.txt> [--check]")
		os.Exit(2)
	}
	if err := run(*sourcePath, *commit, *out, *pathsOut, *check); err != nil {
		fmt.Fprintln(os.Stderr, "runner-config-model:", err)
		os.Exit(1)
	}
}

func run(sourcePath, commit, out, pathsOut string, check bool) error {
	src, err := openSource(sourcePath, commit)
	if err != nil {
		return err
	}
	goMod, err := src.read("go.mod")
	if err != nil {
		return fmt.Errorf("go.mod: %w", err)
	}
	module, decoderVersion, err := parseGoMod(string(goMod))
	if err != nil {
		return err
	}
	version, err := src.read("VERSION")
	if err != nil {
		return fmt.Errorf("VERSION: %w", err)
	}
	fullCommit, tags, err := src.describe()
	if err != nil {
		return err
	}

	l := &loader{src: src, module: module, pkgs: map[string]*pkg{}}
	m := &model{types: map[string]map[string]string{}, exactCase: map[string]bool{}, required: map[string][]string{}, reviewed: map[string]bool{}}
	r := &resolver{loader: l, rootPkg: module + "/" + rootPackage, model: m, resolved: map[string]string{}}
	root, err := l.load(r.rootPkg)
	if err != nil {
		return err
	}
	rootName, err := r.named(root, rootType, false)
	if err != nil {
		return err
	}
	if stale := staleReviews(m.reviewed); len(stale) > 0 {
		return fmt.Errorf("customDecoders lists types no config field uses any more: %s", strings.Join(stale, ", "))
	}
	entry := strings.TrimPrefix(m.types[rootName]["runners"], "[]")
	if _, ok := m.types[entry]; !ok {
		return fmt.Errorf("%s.runners is not an array of tables (%q)", rootName, m.types[rootName]["runners"])
	}

	paths := keyPaths(m, rootName)
	header := versionInfo{
		Module:  module,
		Version: strings.TrimSpace(string(version)),
		Tags:    tags,
		Commit:  fullCommit,
		Decoder: decoderModule + " " + decoderVersion,
	}
	files := map[string][]byte{
		out:      encodeModel(m, header, rootName, entry, len(paths)),
		pathsOut: encodePaths(header, paths),
	}
	for _, name := range []string{out, pathsOut} {
		if check {
			current, _ := os.ReadFile(name)
			if !bytes.Equal(current, files[name]) {
				return fmt.Errorf("%s is out of date: run npm run generate:runner-model", name)
			}
			continue
		}
		if err := os.WriteFile(name, files[name], 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("gitlab-runner %s (%s): %d structs, %d key paths\n", header.Version, fullCommit, len(m.types), len(paths))
	return nil
}

var requireLine = regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(decoderModule) + `\s+(v\S+)`)

func parseGoMod(text string) (module, decoderVersion string, err error) {
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			module = strings.TrimSpace(rest)
			break
		}
	}
	match := requireLine.FindStringSubmatch(text)
	if module == "" || match == nil {
		return "", "", fmt.Errorf("go.mod: module line or %s requirement not found", decoderModule)
	}
	return module, match[1], nil
}

// keyPaths lists every key path from the root: `runners[].kubernetes.image`; a map's keys are `*`.
func keyPaths(m *model, root string) [][2]string {
	var paths [][2]string
	var walk func(expr, prefix string, stack map[string]bool)
	walk = func(expr, prefix string, stack map[string]bool) {
		switch {
		case strings.HasPrefix(expr, "[]"):
			walk(expr[2:], prefix+"[]", stack)
		case strings.HasPrefix(expr, "{}"):
			paths = append(paths, [2]string{prefix + ".*", expr[2:]})
			walk(expr[2:], prefix+".*", stack)
		default:
			fields, ok := m.types[expr]
			if !ok || stack[expr] {
				return
			}
			stack[expr] = true
			for _, name := range sortedKeys(fields) {
				path := name
				if prefix != "" {
					path = prefix + "." + name
				}
				paths = append(paths, [2]string{path, fields[name]})
				walk(fields[name], path, stack)
			}
			delete(stack, expr)
		}
	}
	walk(root, "", map[string]bool{})
	return paths
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}
