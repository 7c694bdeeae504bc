# Ratepayer. See README.md.
.PHONY: build demo test bench format clean

build:
	scripts/build.sh

demo:
	scripts/demo.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh

format:
	find src bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build web/dist
