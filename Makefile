# The two quick-start commands: `make demo` and `make test`. Both create .venv and install
# everything the project needs from its own files; on Debian the few system packages are
# installed with apt-get when they are missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)
# PaddleOCR lives in an interpreter of its own: PaddleX pins numpy, PyYAML and OpenCV to
# versions other than the application's (ocr/paddle.py runs it as a child process)
PADDLE_VENV := $(VENV)-paddle
PADDLE_PACKAGES := "paddleocr>=3.7,<3.8" "paddlepaddle>=3.3,<3.4" "onnxruntime>=1.20"
PADDLE_STAMP := $(PADDLE_VENV)/.installed-$(shell echo '$(PADDLE_PACKAGES)' | sha256sum | cut -c1-12)
APT_PACKAGES := tzdata fonts-ipamj-mincho fonts-seto fonts-urw-base35 fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk fonts-wqy-microhei fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-droid-fallback fonts-lxgw-wenkai fonts-babelstone-han fonts-hanazono fonts-smiley-sans fonts-noto-cjk-extra fonts-cns11643-sung fonts-cns11643-kai fonts-cwtex-fs fonts-cwtex-ming fonts-cwtex-heib fonts-cwtex-kai libpango-1.0-0 libpangoft2-1.0-0 libpangocairo-1.0-0 libcairo2 libharfbuzz-subset0 poppler-utils qpdf libreoffice-writer-nogui ghostscript tesseract-ocr tesseract-ocr-chi-sim sane-utils libsane1 sane-airscan chromium openssl nodejs libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 fonts-unifont fonts-vlgothic fonts-ipaexfont-mincho fonts-dejavu-core libmagickwand-6.q16-6 texlive-lang-chinese texlive-luatex texlive-latex-recommended texlive-pictures texlive-lang-japanese lmodern openjdk-17-jdk-headless fonts-klee

.PHONY: demo test test-fast lint system-deps venv node-deps paddle-venv serve bench clean

demo: system-deps venv
	$(BIN)/onewindow demo

# Two pytest-xdist workers: one pytest keeps about one core busy (0.9 CPU s per second in a
# fresh-clone run) while it waits on servers, polls and child processes. tests/conftest.py
# sends every test that runs the OCR engine to one worker (its models in memory once), the
# saned tests (fixed port 6566) to one worker, and the rest module by module; each worker
# starts its own PostgreSQL and SeaweedFS.
PYTEST_WORKERS ?= 2

test: system-deps venv node-deps paddle-venv lint
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup

# The loop while editing: lint, then every test that starts no server and loads no OCR
# model (markers in pyproject.toml; tests/conftest.py marks the tests that ask for a server).
test-fast: system-deps venv node-deps lint
	$(BIN)/pytest -q -m "not postgres and not s3 and not ocr"

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

serve: system-deps venv
	$(BIN)/onewindow serve

bench: system-deps venv node-deps paddle-venv
	$(BIN)/python bench/ocr
	$(BIN)/python bench/bench_demo.py
	$(BIN)/python bench/bench_signing.py
	$(BIN)/python bench/bench_archive.py
	$(BIN)/python bench/bench_load.py

venv: $(STAMP)

# The second SM2 implementation the OFD tests check seals with (npm's sm-crypto); the
# `wand` corpus's faces (npm @fontsource packages: whole simplified-Chinese faces as WOFF);
# the `ft` corpus's (@chinese-fonts/syst and dymh pieces, joined by reporting_corpora.ft_draw);
# the `outline` corpus's (@chinese-fonts/lxgwwenkai and harmonyos-sans-sc-webfont-splitted
# pieces, read by reporting_corpora.outline_draw); the `coverage` corpus's (misans pieces and
# hanzi-writer-data's stroke centre lines, read by reporting_corpora.coverage_draw); the
# `pdfkit` corpus's generator and rasteriser (pdfkit, pdfjs-dist and @napi-rs/canvas, run by
# reporting_corpora/pdfkit_render.mjs); the `latex` corpus's faces (chiron-sung-hk-webfont and
# chiron-hei-hk-webfont WOFF2 pieces, joined by reporting_corpora.latex_doc for LuaLaTeX); the
# `satori` corpus's generator, rasteriser and Latin face (satori, @resvg/resvg-js and
# @fontsource/ibm-plex-sans, run by reporting_corpora/satori_render.mjs); the `java2d`
# corpus's faces (@fontsource cactus-classical-serif, chocolate-classical-sans and
# wdxl-lubrifont-sc WOFF2 pieces, joined by reporting_corpora.java2d_doc for Java2D).
node-deps: tests/node/node_modules/.installed

tests/node/node_modules/.installed: tests/node/package.json tests/node/package-lock.json
	@# Debian's nodejs comes without npm, NodeSource's with it (Debian's npm package conflicts)
	@command -v npm >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm ci --prefix tests/node --no-audit --no-fund --silent
	touch $@

paddle-venv: $(PADDLE_STAMP)

$(PADDLE_STAMP):
	test -x $(PADDLE_VENV)/bin/python || $(PYTHON) -m venv $(PADDLE_VENV)
	$(PADDLE_VENV)/bin/python -m pip install --quiet $(PADDLE_PACKAGES)
	rm -f $(PADDLE_VENV)/.installed-*
	touch $@

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

# Fonts for notices and licenses, poppler's pdfsig/pdftoppm (also the OFD seal picture),
# qpdf for the tests; OpenSSL 3's CLI and node check the SM2 seals in the tests; EGL, GL,
# fontconfig, xkbcommon and GLib for PySide6's QtGui (the `qt` corpus, offscreen); GNU
# Unifont, VL Gothic, IPAex Mincho, DejaVu Sans Mono and URW Nimbus Sans for the `skia` corpus;
# MagickWand for the `wand` corpus (ImageMagick through PyPI's `wand`); TeX Live's Chinese
# collection for the Fandol faces (FandolSong, FandolFang, FandolHei, FandolKai) of the
# `pdfkit` corpus, read from their files only (TeX itself is never run).
system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "installing system packages:$$missing"; \
	    SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "please install:$$missing ($(APT_PACKAGES))"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) $(PADDLE_VENV) var .pytest_cache .mypy_cache .ruff_cache
