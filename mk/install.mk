# mk/install.mk: `make install` and `make uninstall` (included by the
# Makefile). Both honour PREFIX (default /usr/local), DATADIR (default
# PREFIX/share/stillpoint) and DESTDIR (a staging root for packagers).
# install puts the program, its built-in sessions and every file under
# assets/, the man pages, the desktop entry, the icons and the AppStream
# metadata in place, and lists what it put there in DATADIR/installed-files
# (merged with an earlier install's list); uninstall removes exactly the
# files on that list, the list, and the stillpoint folders left empty.

APP_ID      = io.github.stillpoint.Stillpoint
BINDIR      = $(PREFIX)/bin
MANDIR      = $(PREFIX)/share/man
APPSDIR     = $(PREFIX)/share/applications
METAINFODIR = $(PREFIX)/share/metainfo
ICONDIR     = $(PREFIX)/share/icons/hicolor
INSTALL     = install
ICON_SIZES  = 48x48 128x128 256x256
ICON_PNGS   = $(foreach s,$(ICON_SIZES),$(BUILD)/icons/$(s)/$(APP_ID).png)
MAN_PAGES   = $(BUILD)/man/stillpoint.1 $(BUILD)/man/stillpoint.5
MANIFEST    = $(DATADIR)/installed-files

.PHONY: install uninstall FORCE
FORCE:

# Built with the program, so `sudo make install` after `make` only copies.
all: $(MAN_PAGES) $(ICON_PNGS)

# DATADIR is compiled into paths.o (the one file that uses it). This stamp
# changes only when DATADIR does, so `make && make install PREFIX=/opt/sp`
# rebuilds paths.o and relinks, and the installed program looks in /opt/sp.
DATADIR_STAMP = $(BUILD)/datadir.stamp
$(DATADIR_STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ 2>/dev/null || echo '$(DATADIR)' >$@
$(BUILD)/rel/src/load/paths.o $(BUILD)/san/src/load/paths.o: $(DATADIR_STAMP)

# The man pages name the data folder as /usr/local/share/stillpoint; the
# installed copies name the real one.
$(BUILD)/man/%: man/% $(DATADIR_STAMP)
	@mkdir -p $(@D)
	sed 's|/usr/local/share/stillpoint|$(DATADIR)|g' $< >$@

$(BUILD)/icons/%/$(APP_ID).png: data/$(APP_ID).svg
	@mkdir -p $(@D)
	rsvg-convert -w $(firstword $(subst x, ,$*)) -h $(firstword $(subst x, ,$*)) -o $@ $<

# put MODE SOURCE TARGET: installs SOURCE as DESTDIR/TARGET and lists TARGET.
install: stillpoint $(MAN_PAGES) $(ICON_PNGS)
	@set -e; d='$(DESTDIR)'; list=$(BUILD)/installed-files; : >$$list; \
	put() { $(INSTALL) -D -m "$$1" "$$2" "$$d$$3"; echo "$$3" >>$$list; \
	        echo "installed $$d$$3"; }; \
	put 755 stillpoint '$(BINDIR)/stillpoint'; \
	for f in config/sessions/*.cfg; do put 644 "$$f" '$(DATADIR)'/"$$f"; done; \
	find assets -name '.*' -prune -o -type f -print | LC_ALL=C sort | \
	    while IFS= read -r f; do put 644 "$$f" '$(DATADIR)'/"$$f"; done; \
	put 644 $(BUILD)/man/stillpoint.1 '$(MANDIR)/man1/stillpoint.1'; \
	put 644 $(BUILD)/man/stillpoint.5 '$(MANDIR)/man5/stillpoint.5'; \
	put 644 data/$(APP_ID).desktop '$(APPSDIR)/$(APP_ID).desktop'; \
	put 644 data/$(APP_ID).metainfo.xml '$(METAINFODIR)/$(APP_ID).metainfo.xml'; \
	put 644 data/$(APP_ID).svg '$(ICONDIR)/scalable/apps/$(APP_ID).svg'; \
	for s in $(ICON_SIZES); do \
	    put 644 $(BUILD)/icons/$$s/$(APP_ID).png '$(ICONDIR)'/$$s/apps/$(APP_ID).png; \
	done; \
	m="$$d"'$(MANIFEST)'; \
	if [ -f "$$m" ]; then cat "$$m" >>$$list; fi; \
	LC_ALL=C sort -u $$list >$$list.sorted; \
	$(INSTALL) -D -m 644 $$list.sorted "$$m"; \
	echo "installed $$m (the list make uninstall removes)"

uninstall:
	@set -e; d='$(DESTDIR)'; m="$$d"'$(MANIFEST)'; \
	if [ ! -f "$$m" ]; then \
	    echo "make uninstall: no $$m: nothing installed with this PREFIX/DATADIR/DESTDIR" >&2; \
	    exit 1; \
	fi; \
	while IFS= read -r f; do \
	    case "$$f" in /*) rm -f "$$d$$f"; echo "removed $$d$$f" ;; esac; \
	done <"$$m"; \
	rm -f "$$m"; \
	find "$$d"'$(DATADIR)' -depth -type d -empty -delete; \
	[ ! -d "$$d"'$(DATADIR)' ] || echo "kept $$d$(DATADIR): it holds files make install did not put there"
