package main

import (
	"fmt"
	"path"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// memSource is a runner tree held in memory: path -> file content.
type memSource map[string]string

func (m memSource) list(dir string) ([]string, error) {
	var names []string
	for p := range m {
		if path.Dir(p) == dir || (dir == "" && !strings.Contains(p, "/")) {
			names = append(names, path.Base(p))
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("no directory %s", dir)
	}
	return names, nil
}

func (m memSource) read(p string) ([]byte, error) {
	text, ok := m[p]
	if !ok {
		return nil, fmt.Errorf("no file %s", p)
	}
	return []byte(text), nil
}

func (m memSource) describe() (string, []string, error) { return "0123", nil, nil }

const testModule = "example.com/runner"

// modelOf resolves common.Config from the given files of package common (plus any others).
func modelOf(t *testing.T, files memSource) (*model, error) {
	t.Helper()
	l := &loader{src: files, module: testModule, pkgs: map[string]*pkg{}}
	m := &model{types: map[string]map[string]string{}, exactCase: map[string]bool{}, required: map[string][]string{}, reviewed: map[string]bool{}}
	r := &resolver{loader: l, rootPkg: testModule + "/common", model: m, resolved: map[string]string{}}
	root, err := l.load(r.rootPkg)
	if err != nil {
		return nil, err
	}
	_, err = r.named(root, "Config", false)
	return m, err
}

func mustModel(t *testing.T, files memSource) *model {
	t.Helper()
	m, err := modelOf(t, files)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func common(src string) memSource {
	return memSource{"common/config.go": "package common\n\nimport (\n\t\"time\"\n\t\"example.com/runner/cache\"\n)\n\nvar _ time.Duration\nvar _ cache.Config\n\n" + src,
		"cache/cache.go": "package cache\n\ntype Config struct {\n\tType string `toml:\"Type,omitempty\"`\n}\n"}
}

func TestEmbeddedStructsAreFlattenedUnlessTagged(t *testing.T) {
	m := mustModel(t, common(`
type Credentials struct {
	URL   string `+"`toml:\"url\"`"+`
	Token string `+"`toml:\"token\"`"+`
}
type Settings struct {
	Executor string `+"`toml:\"executor\"`"+`
}
type Tagged struct {
	Inner string `+"`toml:\"inner\"`"+`
}
type Config struct {
	Name string `+"`toml:\"name\"`"+`
	Credentials
	*Settings
	Tagged `+"`toml:\"tagged\"`"+`
	Cache  *cache.Config `+"`toml:\"cache\"`"+`
}
`))
	want := map[string]string{"name": "string", "url": "string", "token": "string", "executor": "string", "tagged": "Tagged", "cache": "cache.Config"}
	if got := m.types["Config"]; !reflect.DeepEqual(got, want) {
		t.Fatalf("Config fields = %v, want %v", got, want)
	}
	if got := m.types["cache.Config"]; !reflect.DeepEqual(got, map[string]string{"Type": "string"}) {
		t.Fatalf("cache.Config = %v", got)
	}
}

func TestFieldNamesFollowTheDecodersRules(t *testing.T) {
	m := mustModel(t, common(`
type A struct {
	Shared string `+"`toml:\"shared\"`"+`
	Both   string
	Name   int    `+"`toml:\"name\"`"+`
	X      string `+"`toml:\"X\"`"+`
}
type B struct {
	Shared string `+"`toml:\"shared\"`"+`
	Both   string
	X      int
}
type Config struct {
	A
	B
	Name    string `+"`toml:\"name\"`"+`
	Skipped string `+"`toml:\"-\"`"+`
	hidden  string
	GoName  string `+"`toml:\",omitempty\"`"+`
	Dash    string `+"`toml:\"tls-ca-file\"`"+`
}
`))
	// shared: two tagged fields at one depth, both dropped; Both: two untagged, both dropped;
	// name: the shallower field wins; X: at one depth the tagged field wins.
	want := map[string]string{"name": "string", "X": "string", "GoName": "string", "tls-ca-file": "string"}
	if got := m.types["Config"]; !reflect.DeepEqual(got, want) {
		t.Fatalf("Config fields = %v, want %v", got, want)
	}
}

func TestCaseFoldClashStopsTheGenerator(t *testing.T) {
	_, err := modelOf(t, common(`
type Config struct {
	Deep int
	A
}
type A struct {
	Other string `+"`toml:\"deep\"`"+`
}
`))
	if err == nil || !strings.Contains(err.Error(), "differ only in case") {
		t.Fatalf("err = %v", err)
	}
}

func TestTypeExpressions(t *testing.T) {
	m := mustModel(t, common(`
type Labels map[string]string
type Millis time.Duration
type Policy string
type Text struct{ v string }
func (t *Text) UnmarshalText(b []byte) error { return nil }
type Item struct {
	Name string `+"`toml:\"name\"`"+`
}
type Config struct {
	Interval  time.Duration           `+"`toml:\"interval\"`"+`
	Timeout   *time.Duration          `+"`toml:\"timeout\"`"+`
	Millis    Millis                  `+"`toml:\"millis\"`"+`
	When      time.Time               `+"`toml:\"when\"`"+`
	Labels    Labels                  `+"`toml:\"labels\"`"+`
	ByNumber  map[int]string          `+"`toml:\"by_number\"`"+`
	Items     []*Item                 `+"`toml:\"items\"`"+`
	Nested    map[string][]Item       `+"`toml:\"nested\"`"+`
	Anything  map[string]interface{}  `+"`toml:\"anything\"`"+`
	Weight    int32                   `+"`toml:\"weight\"`"+`
	Bytes     []byte                  `+"`toml:\"bytes\"`"+`
	Ratio     float32                 `+"`toml:\"ratio\"`"+`
	Size      uint64                  `+"`toml:\"size\"`"+`
	Policy    *Policy                 `+"`toml:\"policy\"`"+`
	Text      Text                    `+"`toml:\"text\"`"+`
	Callback  func()                  `+"`toml:\"callback\"`"+`
}
`))
	want := map[string]string{
		"interval": "duration", "timeout": "duration", "millis": "int", "when": "time", "labels": "{}string",
		"by_number": "never", "items": "[]Item", "nested": "{}[]Item", "anything": "{}any", "weight": "int32",
		"bytes": "[]uint8", "ratio": "float32", "size": "int", "policy": "string", "text": "text", "callback": "never",
	}
	if got := m.types["Config"]; !reflect.DeepEqual(got, want) {
		t.Fatalf("Config fields = %v, want %v", got, want)
	}
}

func TestUnreviewedCustomDecoderStopsTheGenerator(t *testing.T) {
	_, err := modelOf(t, common(`
type Odd []string
func (o *Odd) UnmarshalTOML(data any) error { return nil }
type Config struct {
	Odd Odd `+"`toml:\"odd\"`"+`
}
`))
	if err == nil || !strings.Contains(err.Error(), "customDecoders") {
		t.Fatalf("err = %v", err)
	}
}

func TestUnknownExternalTypeStopsTheGenerator(t *testing.T) {
	files := common(`
type Config struct {
	Quantity resource.Quantity ` + "`toml:\"quantity\"`" + `
}
`)
	files["common/config.go"] = strings.Replace(files["common/config.go"], "import (", "import (\n\t\"k8s.io/apimachinery/pkg/api/resource\"", 1)
	_, err := modelOf(t, files)
	if err == nil || !strings.Contains(err.Error(), "k8s.io/apimachinery/pkg/api/resource.Quantity") {
		t.Fatalf("err = %v", err)
	}
}

func TestFilesForOtherPlatformsAreSkipped(t *testing.T) {
	files := common("type Config struct {\n\tName string `toml:\"name\"`\n}\n")
	files["common/config_windows.go"] = "package common\n\ntype Config struct {\n\tWindows string\n}\n"
	files["common/config_tagged.go"] = "//go:build darwin\n\npackage common\n\ntype Config struct {\n\tDarwin string\n}\n"
	m := mustModel(t, files)
	if got := m.types["Config"]; !reflect.DeepEqual(got, map[string]string{"name": "string"}) {
		t.Fatalf("Config = %v", got)
	}
}

func TestKeyPathsExpandArraysAndMaps(t *testing.T) {
	m := &model{types: map[string]map[string]string{
		"Config": {"runners": "[]Runner", "labels": "{}string"},
		"Runner": {"name": "string", "env": "{}[]string"},
	}}
	got := keyPaths(m, "Config")
	want := [][2]string{
		{"labels", "{}string"}, {"labels.*", "string"},
		{"runners", "[]Runner"}, {"runners[].env", "{}[]string"}, {"runners[].env.*", "[]string"}, {"runners[].name", "string"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("keyPaths = %v, want %v", got, want)
	}
}
