# Makefile: builds ./stillpoint; `make check` runs the unit and end-to-end
# tests under AddressSanitizer and UndefinedBehaviorSanitizer; `make bench`
# prints the performance figures. Missing build dependencies are installed
# by scripts/install-deps the first time.

PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/stillpoint
CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS     = sdl2 SDL2_mixer SDL2_ttf libconfig libarchive sndfile opusfile vorbisfile soxr libmpg123
BUILD    = build

ifeq ($(filter clean,$(MAKECMDGOALS)),)
include $(BUILD)/deps.mk
endif

BASE_CFLAGS = -std=c11 -Wall -Wextra -Wpedantic -D_POSIX_C_SOURCE=200809L \
              -DDATADIR='"$(DATADIR)"' -MMD -MP $(DEP_CFLAGS)
ALL_CFLAGS  = $(BASE_CFLAGS) $(CFLAGS)
SAN_FLAGS   = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=undefined
FLITE_LIBS  = -lflite_cmu_us_slt -lflite_usenglish -lflite_cmulex -lflite
LIBS        = $(DEP_LIBS) $(FLITE_LIBS) -pthread -lm

LIB_SRC  = $(wildcard src/core/*.c src/load/*.c src/audio/*.c src/ui/*.c src/cmd/*.c)
GEN_SRC  = $(BUILD)/gen/builtin_safety.c
REL_OBJ  = $(patsubst %.c,$(BUILD)/rel/%.o,$(LIB_SRC)) $(BUILD)/rel/gen.o
SAN_OBJ  = $(patsubst %.c,$(BUILD)/san/%.o,$(LIB_SRC)) $(BUILD)/san/gen.o
TESTS    = $(patsubst tests/%.c,$(BUILD)/san/tests/%,$(wildcard tests/test_*.c))
TOOLS    = $(BUILD)/tools/wav_onsets $(BUILD)/tools/voice_lines \
           $(BUILD)/tools/make_archive $(BUILD)/tools/shot_contrast

.PHONY: all run check unit e2e fuzz fuzz-check bench valgrind format clean
all: stillpoint

$(BUILD)/deps.mk: scripts/install-deps
	@mkdir -p $(BUILD)
	@scripts/install-deps
	@{ echo "DEP_CFLAGS := $$(pkg-config --cflags $(PKGS))"; \
	   echo "DEP_LIBS := $$(pkg-config --libs $(PKGS))"; \
	   echo "CMOCKA_LIBS := $$(pkg-config --libs cmocka)"; } > $@.tmp
	@mv $@.tmp $@

# config/safety.cfg is compiled in, so the built-in profiles cannot go
# missing from an installed program.
SAFETY_CFG = config/safety.cfg
$(GEN_SRC): $(SAFETY_CFG)
	@mkdir -p $(@D)
	@{ echo '/* Generated from config/safety.cfg; do not edit. */'; \
	   echo 'const char builtin_safety_cfg[] = {'; \
	   od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	   echo '0x00};'; } > $@.tmp && mv $@.tmp $@

$(BUILD)/rel/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/rel/gen.o: $(GEN_SRC)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/san/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) -c $< -o $@
$(BUILD)/san/gen.o: $(GEN_SRC)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) -c $< -o $@

stillpoint: $(REL_OBJ) $(BUILD)/rel/src/main.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/san/stillpoint: $(SAN_OBJ) $(BUILD)/san/src/main.o
	$(CC) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# Test helpers: every tests/*.c that is not a test_*.c, linked into each
# test (a test that uses none loses nothing).
TEST_HELPERS = $(patsubst tests/%.c,$(BUILD)/san/tests/%.o,\
                 $(filter-out tests/test_%.c,$(wildcard tests/*.c)))
$(BUILD)/san/tests/%: $(BUILD)/san/tests/%.o $(TEST_HELPERS) $(SAN_OBJ)
	$(CC) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(CMOCKA_LIBS)

$(BUILD)/tools/%: tests/tools/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< -lm

run: all
	./stillpoint

# Tests run against the source tree's data with a private XDG home, so the
# user's own sessions never change a result.
TEST_ENV = STILLPOINT_DATA=$(CURDIR) XDG_CONFIG_HOME=$(CURDIR)/$(BUILD)/home/config \
           XDG_CACHE_HOME=$(CURDIR)/$(BUILD)/home/cache \
           XDG_STATE_HOME=$(CURDIR)/$(BUILD)/home/state \
           ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
           LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
           UBSAN_OPTIONS=print_stacktrace=1 SDL_AUDIODRIVER=dummy

check: unit e2e fuzz-check

unit: $(TESTS)
	@for t in $(TESTS); do \
	    echo "== $$t"; $(TEST_ENV) TEST_DATA=$(CURDIR)/tests/data $$t || exit 1; \
	done

# RELEASE: the plain build, for tests/e2e/valgrind.sh. E2E=tests/e2e/X.sh
# runs some only.
E2E ?= $(filter-out tests/e2e/lib.sh,$(wildcard tests/e2e/*.sh))
e2e: $(BUILD)/san/stillpoint $(TOOLS) stillpoint
	@for t in $(E2E); do \
	    echo "== $$t"; \
	    $(TEST_ENV) STILLPOINT=$(CURDIR)/$(BUILD)/san/stillpoint \
	        RELEASE=$(CURDIR)/stillpoint \
	        TOOLS=$(CURDIR)/$(BUILD)/tools sh $$t || exit 1; \
	done
	@echo "all end-to-end tests passed"

# libFuzzer targets, one per tests/fuzz/fuzz_NAME.c, each seeded from its
# SEEDS_fuzz_NAME files: `make fuzz` runs each for FUZZ_SECONDS (default
# 600; FUZZ=fuzz_NAME runs one); `make check` runs each for
# FUZZ_CHECK_SECONDS (15). Crashes land in $(BUILD)/fuzz/fuzz_NAME.run/ as
# crash-* files: add each to the target's seeds (a bad file with the
# message it must give).
FUZZ_SECONDS ?= 600
FUZZ_CHECK_SECONDS ?= 15
FUZZ ?= $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SRC  = $(wildcard src/core/*.c src/load/*.c) $(GEN_SRC)
SEEDS_fuzz_loader = tests/data/bad/*.cfg tests/data/good/*.cfg config/*.cfg \
                    config/sessions/*.cfg
SEEDS_fuzz_prefs  = tests/data/prefs/*.cfg
SEEDS_fuzz_history = tests/data/history/*
SEEDS_fuzz_note = tests/data/notes/*
SEEDS_fuzz_bundle = tests/data/bundles/*
SEEDS_fuzz_sound  = tests/data/sounds/*
SEEDS_fuzz_mp3_length = tests/data/mp3/*.mp3
SEEDS_fuzz_captions = tests/data/captions/*.vtt tests/data/captions/*.srt \
                      tests/data/captions/bad/*.vtt tests/data/captions/bad/*.srt
fuzz_run = mkdir -p $(BUILD)/fuzz/$(1).run/corpus && \
	cp $(SEEDS_$(1)) $(BUILD)/fuzz/$(1).run/corpus/ 2>/dev/null; \
	cd $(BUILD)/fuzz/$(1).run && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ../$(1) -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
	   -print_final_stats=1 corpus
fuzz_brief = echo "== $(1) ($(FUZZ_CHECK_SECONDS) s)" && rm -f $(BUILD)/fuzz/$(1).run/crash-* \
	$(BUILD)/fuzz/$(1).run/leak-* $(BUILD)/fuzz/$(1).run/timeout-* && \
	mkdir -p $(BUILD)/fuzz/$(1).run && \
	if ($(call fuzz_run,$(1)) -max_total_time=$(FUZZ_CHECK_SECONDS)) >$(BUILD)/fuzz/$(1).run/log 2>&1; then \
	    grep -E '^stat::number_of_executed_units' $(BUILD)/fuzz/$(1).run/log; \
	else tail -n 40 $(BUILD)/fuzz/$(1).run/log; exit 1; fi

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_SRC)
	@mkdir -p $(@D)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	    -D_POSIX_C_SOURCE=200809L $(DEP_CFLAGS) -o $@ $^ $(DEP_LIBS) -lm

# fuzz_sound also takes the sound file path of src/audio/ (pure C with the
# decoders' libraries and libsoxr).
$(BUILD)/fuzz/fuzz_sound: src/audio/sound_file.c src/audio/resample.c \
                          src/audio/decode_pcm.c src/audio/sound_reader.c \
                          src/audio/mp3_handle.c
$(BUILD)/fuzz/fuzz_mp3_length: src/audio/mp3_length.c src/audio/sound_reader.c \
                                src/audio/mp3_handle.c

fuzz: $(FUZZ:%=$(BUILD)/fuzz/%)
	$(foreach t,$(FUZZ),($(call fuzz_run,$(t)) -max_total_time=$(FUZZ_SECONDS)) &&) true

fuzz-check: $(FUZZ:%=$(BUILD)/fuzz/%)
	@$(foreach t,$(FUZZ),$(call fuzz_brief,$(t)) &&) true

# Lists the built-in sessions' spoken lines, loaded as the program loads
# them: scripts/make-voice records them, tests/e2e/voice_manifest.sh checks
# each has its clip.
$(BUILD)/tools/voice_lines: tests/tools/voice_lines.c $(REL_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# Writes the archives, hostile ones too, that tests/e2e/bundles.sh imports.
$(BUILD)/tools/make_archive: tests/tools/make_archive.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(DEP_LIBS)

# Measures a screenshot's contrast against the theme's palette, for
# tests/e2e/a11y.sh.
$(BUILD)/tools/shot_contrast: tests/tools/shot_contrast.c src/core/palette.c \
                              src/core/contrast.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $^ -lm

$(BUILD)/tools/bare_window: tests/tools/bare_window.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBS)

# The resampler beside the two it replaced, for make bench.
$(BUILD)/tools/resample_bench: tests/tools/resample_bench.c src/audio/resample.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

bench: stillpoint $(BUILD)/tools/bare_window $(BUILD)/tools/resample_bench
	@STILLPOINT_DATA=$(CURDIR) sh scripts/bench

# valgrind's memcheck on the plain build: renders and a live window under
# Xvfb (make check runs the renders only: tests/e2e/valgrind.sh).
valgrind: stillpoint
	@sh scripts/valgrind

format:
	clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c')

clean:
	rm -rf $(BUILD) stillpoint

include mk/install.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
