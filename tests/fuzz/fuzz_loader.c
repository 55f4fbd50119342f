/* fuzz_loader.c: libFuzzer target feeding arbitrary bytes to the session
 * file loader. It must never crash, hang or leak, whatever the input. */
#include <stddef.h>
#include <stdint.h>

#include "../../src/core/session.h"
#include "../../src/load/loader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_list d;
    diag_init(&d);
    struct catalog *c = catalog_new();
    if (!c || load_builtin_safety(c, &d) != 0)
        __builtin_trap();
    struct load_env env = {.assets = NULL};
    load_session_text(c, "fuzz.cfg", "/nonexistent", (const char *)data,
                      size, &env, &d);
    catalog_free(c);
    return 0;
}
