# The two things most people want. Both install what is missing first.
.PHONY: site test

# Build the course site into site/.
site:
	@scripts/install-deps.sh
	swift run descent build

# The formatting check (.swift-format), unit tests, end-to-end tests of the descent binary and every lesson in lessons/; then
# rebuild site/ and fail when it differs from what is committed or is not valid HTML5.
test:
	@scripts/install-deps.sh --check
	swift format lint --strict --recursive --parallel Package.swift Sources Tests
	swift build
	swift test
	swift run descent build
	scripts/validate-html.sh site
	@git diff --quiet --exit-code -- site && test -z "$$(git ls-files --others --exclude-standard -- site)" \
	  || { git status --short -- site; echo "error: site/ is stale: run 'make site' and commit it" >&2; exit 1; }
