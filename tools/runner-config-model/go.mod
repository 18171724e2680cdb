module github.com/gitlab-runner-fleet/tools/runner-config-model

go 1.22
