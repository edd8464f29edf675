# The two things most people want. Both install what is missing first.
.PHONY: site test deps

deps:
	@scripts/install-deps.sh

# Build the course site into site/.
site: deps
	swift run descent build

# Unit tests, end-to-end tests of the descent binary, and every lesson in lessons/.
test: deps
	swift build
	swift test
