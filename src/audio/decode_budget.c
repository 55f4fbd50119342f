/* decode_budget.c: SDL's allocator, counted per thread (see
 * decode_budget.h). The wrappers hand every call to the functions SDL had
 * before, so memory allocated before the install is freed as usual. */
#include "decode_budget.h"

#include <SDL.h>
#include <stdint.h>

static SDL_malloc_func real_malloc;
static SDL_calloc_func real_calloc;
static SDL_realloc_func real_realloc;
static SDL_free_func real_free;

/* Each thread's own count: only the decoding thread's is ever on. */
static _Thread_local struct {
    bool on, refused;
    size_t used, limit;
} budget;

/* Counts n bytes; false (and nothing counted) past the limit. */
static bool charge(size_t n)
{
    if (!budget.on)
        return true;
    if (n > budget.limit - budget.used) {
        budget.refused = true;
        return false;
    }
    budget.used += n;
    return true;
}

static void *counted_malloc(size_t n)
{
    return charge(n) ? real_malloc(n) : NULL;
}

static void *counted_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    return charge(count * size) ? real_calloc(count, size) : NULL;
}

static void *counted_realloc(void *p, size_t n)
{
    return charge(n) ? real_realloc(p, n) : NULL;
}

static void counted_free(void *p)
{
    real_free(p);
}

void decode_budget_install(void)
{
    if (real_malloc)
        return;
    SDL_GetMemoryFunctions(&real_malloc, &real_calloc, &real_realloc,
                           &real_free);
    SDL_SetMemoryFunctions(counted_malloc, counted_calloc, counted_realloc,
                           counted_free);
}

void decode_budget_begin(size_t limit)
{
    budget.on = true;
    budget.refused = false;
    budget.used = 0;
    budget.limit = limit;
}

bool decode_budget_end(void)
{
    budget.on = false;
    return budget.refused;
}
