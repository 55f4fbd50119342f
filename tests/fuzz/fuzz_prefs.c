/* fuzz_prefs.c: libFuzzer target feeding arbitrary bytes to the
 * preferences-file reader. It must never crash, hang or leak, and what it
 * returns must always be within range, whatever the input. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "../../src/core/session.h"
#include "../../src/load/prefs_file.h"

static int in_range(double v, double max)
{
    return isfinite(v) && v >= 0 && v <= max;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_list d;
    diag_init(&d);
    struct prefs p;
    prefs_load_text("fuzz.cfg", (const char *)data, size, &p, &d);
    if (!in_range(p.master_volume, PREFS_VOLUME_MAX) ||
        !in_range(p.voice_volume, PREFS_VOLUME_MAX) ||
        !in_range(p.cue_volume, PREFS_VOLUME_MAX) ||
        !in_range(p.ambient_volume, PREFS_VOLUME_MAX) ||
        !in_range(p.settling_seconds, PREFS_SETTLING_MAX) ||
        (unsigned)p.cue_style > CUE_STYLE_NONE ||
        (SESSION_REGION_COUNT < 32 && (p.leave_out >> SESSION_REGION_COUNT)))
        __builtin_trap();
    /* And every row of the preferences table, a new one included. */
    char err[256];
    for (size_t i = 0; i < PREFS_ROWS; i++)
        if (!prefs_check(&PREFS_TABLE[i], &p, err, sizeof(err)))
            __builtin_trap();
    return 0;
}
