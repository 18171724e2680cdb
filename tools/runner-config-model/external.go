package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
)

// Types from outside the runner module that config fields use. Their source is not in the
// runner's tree, so each is described here by hand; an unknown one stops the generator so that a
// new dependency is reviewed, not guessed.
var externalTypes = map[string]string{
	// The decoder special-cases time.Duration: a string goes through time.ParseDuration, an
	// integer is taken as nanoseconds.
	"time.Duration": "duration",
	// time.Time implements encoding.TextUnmarshaler: a TOML datetime or an RFC 3339 string.
	"time.Time": "time",
	// Kubernetes string types (k8s.io/api/core/v1): `type X string`.
	"k8s.io/api/core/v1.Capability":    "string",
	"k8s.io/api/core/v1.ProcMountType": "string",
	"k8s.io/api/core/v1.PullPolicy":    "string",
	"k8s.io/api/core/v1.DNSPolicy":     "string",
}

// underlyingExternal is what a defined type built on an external type decodes as: it has none of
// the external type's methods, and the decoder's Duration special case no longer applies.
var underlyingExternal = map[string]string{
	"time.Duration": "int",
}

func externalType(importPath, name string, underlyingOnly bool) (string, error) {
	key := importPath + "." + name
	if underlyingOnly {
		if expr, ok := underlyingExternal[key]; ok {
			return expr, nil
		}
		if expr, ok := externalTypes[key]; ok && expr == "string" {
			return expr, nil
		}
	} else if expr, ok := externalTypes[key]; ok {
		return expr, nil
	}
	return "", fmt.Errorf("external type %s is not described in tools/runner-config-model/external.go: read it and add it", key)
}

func externalIsStruct(importPath, name string) bool {
	expr, ok := externalTypes[importPath+"."+name]
	return !ok || expr == "time"
}

// customDecoder describes a type with its own UnmarshalTOML, reviewed by reading its body.
// The fingerprint is the sha256 of that method's source: when the runner changes the method,
// the generator stops and asks for a new review instead of keeping a stale description.
type customDecoder struct {
	fingerprint string
	// expr replaces the type (for decoders that accept a shape no Go type describes)...
	expr string
	// ...or the struct's own fields are modelled, with the decoder's extra rules.
	exactCase bool
	required  []string
}

var customDecoders = map[string]customDecoder{
	// A string or an array of strings; anything else fails.
	"gitlab.com/gitlab-org/gitlab-runner/common.StringOrArray": {
		fingerprint: "6f34a965b75c9efc1354dbef30139dda29b9628a100e5c3c1420c07811d05534",
		expr:        "stringOrArray",
	},
	// A table; reads name, mount_path, sub_path, server, path (strings) and read_only (bool) by
	// exact key, silently skips a value of another type, and fails when name, mount_path, server
	// or path ends up empty.
	"gitlab.com/gitlab-org/gitlab-runner/common.KubernetesNFS": {
		fingerprint: "28efeacc65a06d25c496ac4cef5a62673b0de070583d49e977208dba8b53141c",
		exactCase:   true,
		required:    []string{"name", "mount_path", "server", "path"},
	},
}

func (r *resolver) custom(key, source string, decl *typeDecl) (string, error) {
	sum := sha256.Sum256([]byte(source))
	fingerprint := hex.EncodeToString(sum[:])
	decoder, ok := customDecoders[key]
	if !ok {
		return "", fmt.Errorf("%s has its own UnmarshalTOML (fingerprint %s): read it and describe it in customDecoders (tools/runner-config-model/external.go)", key, fingerprint)
	}
	if decoder.fingerprint != fingerprint {
		return "", fmt.Errorf("%s.UnmarshalTOML changed (fingerprint %s, reviewed %s): read it again and update customDecoders (tools/runner-config-model/external.go)", key, fingerprint, decoder.fingerprint)
	}
	r.model.reviewed[key] = true
	if decoder.expr != "" {
		return decoder.expr, nil
	}
	st, ok := decl.spec.Type.(*ast.StructType)
	if !ok {
		return "", fmt.Errorf("%s: a custom decoder without expr must be a struct", key)
	}
	name := r.structName(decl.pkg, decl.name)
	r.resolved[key] = name
	fields, err := r.structFields(st, ctx{file: decl.file, pkg: decl.pkg})
	if err != nil {
		return "", err
	}
	r.model.types[name] = fields
	if decoder.exactCase {
		r.model.exactCase[name] = true
	}
	if len(decoder.required) > 0 {
		r.model.required[name] = decoder.required
	}
	return name, nil
}

func staleReviews(reviewed map[string]bool) []string {
	var stale []string
	for key := range customDecoders {
		if !reviewed[key] {
			stale = append(stale, key)
		}
	}
	return stale
}
