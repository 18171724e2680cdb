module github.com/gitlab-runner-fleet/tools/runner-config-model/decodercheck

go 1.22

require github.com/BurntSushi/toml v1.6.0
