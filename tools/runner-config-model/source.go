package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// source reads files of the runner source tree at one version: either a git directory (bare
// mirror or .git) read at a commit, or a plain checkout on disk.
type source interface {
	// list returns the names of the regular files directly inside dir ("" is the root).
	list(dir string) ([]string, error)
	read(path string) ([]byte, error)
	// describe names the version for the model file: commit and tags that point at it.
	describe() (commit string, tags []string, err error)
}

func openSource(path, commit string) (source, error) {
	if isGitDir(path) {
		if commit == "" {
			return nil, fmt.Errorf("--source %s is a git directory: --commit is required", path)
		}
		full, err := gitOutput(path, "rev-parse", "--verify", commit+"^{commit}")
		if err != nil {
			return nil, fmt.Errorf("commit %s not found in %s: %w", commit, path, err)
		}
		return &gitSource{dir: path, commit: strings.TrimSpace(full)}, nil
	}
	info, err := os.Stat(path)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("--source %s is neither a git directory nor a checkout", path)
	}
	return &dirSource{root: path, commit: commit}, nil
}

func isGitDir(path string) bool {
	out, err := gitOutput(path, "rev-parse", "--is-bare-repository")
	if err != nil {
		return false
	}
	if strings.TrimSpace(out) == "true" {
		return true
	}
	// A checkout is read from disk, so the files match what the user sees; only its .git is a git dir.
	_, statErr := os.Stat(filepath.Join(path, "HEAD"))
	return statErr == nil
}

func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"--git-dir", dir}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), strings.TrimSpace(string(exit.Stderr)))
		}
		return "", err
	}
	return string(out), nil
}

type gitSource struct {
	dir    string
	commit string
}

func (g *gitSource) list(dir string) ([]string, error) {
	treeish := g.commit
	if dir != "" {
		treeish = g.commit + ":" + dir
	}
	out, err := gitOutput(g.dir, "ls-tree", treeish)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		// <mode> SP <type> SP <object> TAB <name>
		meta, name, ok := strings.Cut(line, "\t")
		if ok && strings.Fields(meta)[1] == "blob" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}

func (g *gitSource) read(path string) ([]byte, error) {
	out, err := gitOutput(g.dir, "show", g.commit+":"+path)
	return []byte(out), err
}

func (g *gitSource) describe() (string, []string, error) {
	out, err := gitOutput(g.dir, "tag", "--points-at", g.commit)
	if err != nil {
		return "", nil, err
	}
	return g.commit, strings.Fields(out), nil
}

type dirSource struct {
	root   string
	commit string
}

func (d *dirSource) list(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(d.root, dir))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, entry := range entries {
		if entry.Type().IsRegular() {
			names = append(names, entry.Name())
		}
	}
	return names, nil
}

func (d *dirSource) read(path string) ([]byte, error) {
	return os.ReadFile(filepath.Join(d.root, path))
}

func (d *dirSource) describe() (string, []string, error) {
	if d.commit == "" {
		return "", nil, fmt.Errorf("--commit is required with a checkout (the model records the commit it came from)")
	}
	return d.commit, nil, nil
}
