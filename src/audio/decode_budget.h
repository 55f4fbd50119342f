/* decode_budget.h: a cap on what SDL and SDL_mixer may allocate while one
 * thread decodes a file. SDL_mixer decodes compressed files to the end
 * into memory, however long they turn out to be, and its WAV reader
 * allocates what the header declares; no header can be trusted to bound
 * that, so every allocation SDL makes on the decoding thread is counted,
 * and refused once the cap is reached. The decoders then fail cleanly
 * ("out of memory"), and the caller knows it was the cap. */
#ifndef STILLPOINT_DECODE_BUDGET_H
#define STILLPOINT_DECODE_BUDGET_H

#include <stdbool.h>
#include <stddef.h>

/* Routes SDL's allocations through the counter (once; later calls do
 * nothing). Call before SDL starts threads of its own. Without it, the
 * budget counts nothing. */
void decode_budget_install(void);

/* Starts counting on the calling thread: from now on SDL may allocate at
 * most limit bytes in all on it (frees do not give any back). */
void decode_budget_begin(size_t limit);

/* Stops counting; true when some allocation was refused. */
bool decode_budget_end(void);

#endif
