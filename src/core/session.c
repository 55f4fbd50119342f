/* session.c: names and tables of the session model, and the catalog. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

const char SESSION_FLOOR_NOTICE[] =
    "You can stop this session at any moment: press Esc, or the Stop button.";

const char *const SESSION_REGIONS[] = {
    "head",  "face",  "jaw",   "neck",       "shoulders", "arms",
    "hands", "chest", "belly", "back",       "pelvis",    "hips",
    "legs",  "knees", "feet",  "whole-body",
};
const size_t SESSION_REGION_COUNT =
    sizeof(SESSION_REGIONS) / sizeof(SESSION_REGIONS[0]);

const char *session_step_kind_name(enum step_kind k)
{
    switch (k) {
    case STEP_SAY:
        return "say";
    case STEP_BREATHE:
        return "breathe";
    case STEP_SCAN:
        return "scan";
    case STEP_HOLD:
        return "hold";
    case STEP_SILENCE:
        return "silence";
    case STEP_PLAY:
        return "play";
    }
    return "?";
}

const char *session_slot_name(enum cue_slot s)
{
    static const char *const names[SLOT_COUNT] = {"inhale", "exhale", "hold",
                                                  "bell", "end"};
    return (unsigned)s < SLOT_COUNT ? names[s] : "?";
}

bool session_name_valid(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 48 || s[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '-'))
            return false;
    }
    return true;
}

struct catalog {
    struct arena *arena;
    const struct session **sessions;
    size_t count, cap;
    const struct safety_profile **profiles;
    size_t n_profiles, profiles_cap;
};

struct catalog *catalog_new(void)
{
    struct catalog *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->arena = arena_new();
    if (!c->arena) {
        free(c);
        return NULL;
    }
    return c;
}

void catalog_free(struct catalog *c)
{
    if (!c)
        return;
    arena_free(c->arena);
    free(c->sessions);
    free(c->profiles);
    free(c);
}

struct arena *catalog_arena(struct catalog *c)
{
    return c->arena;
}

size_t catalog_count(const struct catalog *c)
{
    return c->count;
}

const struct session *catalog_get(const struct catalog *c, size_t i)
{
    return i < c->count ? c->sessions[i] : NULL;
}

const struct session *catalog_find(const struct catalog *c, const char *name)
{
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->sessions[i]->name, name) == 0)
            return c->sessions[i];
    return NULL;
}

static bool grow(void *items, size_t *cap, size_t count)
{
    if (count < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 16;
    void **p = items;
    void *n = realloc(*p, ncap * sizeof(void *));
    if (!n)
        return false;
    *p = n;
    *cap = ncap;
    return true;
}

bool catalog_add(struct catalog *c, const struct session *s)
{
    if (!grow(&c->sessions, &c->cap, c->count))
        return false;
    c->sessions[c->count++] = s;
    return true;
}

const struct safety_profile *catalog_profile(const struct catalog *c,
                                             const char *type)
{
    for (size_t i = 0; i < c->n_profiles; i++)
        if (strcmp(c->profiles[i]->type, type) == 0)
            return c->profiles[i];
    return NULL;
}

bool catalog_add_profile(struct catalog *c, const struct safety_profile *p)
{
    if (!grow(&c->profiles, &c->profiles_cap, c->n_profiles))
        return false;
    c->profiles[c->n_profiles++] = p;
    return true;
}
