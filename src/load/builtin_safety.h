/* builtin_safety.h: config/safety.cfg, compiled into the program so the
 * built-in safety profiles can never go missing. Generated at build time
 * (build/gen/builtin_safety.c). */
#ifndef STILLPOINT_BUILTIN_SAFETY_H
#define STILLPOINT_BUILTIN_SAFETY_H

extern const char builtin_safety_cfg[];

#endif
