/* loader.c: libconfig session files -> the session model, validated by
 * the tables in schema.c. Only this folder includes libconfig. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "loader.h"

#include <libconfig.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/pace.h"
#include "../core/sound_check.h"
#include "builtin_safety.h"
#include "cfgfile.h"
#include "loader_parts.h"
#include "paths.h"

static bool failed(const struct loader *l)
{
    return diag_total(l->ctx.d) > l->errors_at_start;
}

/* ---- small readers ---------------------------------------------------- */

const char *loader_dup_string(struct loader *l, const config_setting_t *g,
                              const char *name)
{
    return arena_strdup(l->a, schema_string(g, name));
}

static struct text_list read_list(struct loader *l, const config_setting_t *g,
                                  const char *name)
{
    struct text_list out = {0};
    const config_setting_t *s = g ? config_setting_get_member(g, name) : NULL;
    int n = s ? config_setting_length(s) : 0;
    if (n <= 0 || (config_setting_type(s) != CONFIG_TYPE_ARRAY &&
                   config_setting_type(s) != CONFIG_TYPE_LIST))
        return out;
    out.items = arena_alloc(l->a, (size_t)n * sizeof(char *));
    if (!out.items)
        return out;
    for (int i = 0; i < n; i++) {
        const char *v = config_setting_get_string_elem(s, i);
        if (v)
            out.items[out.count++] = arena_strdup(l->a, v);
    }
    return out;
}

static struct text_list join(struct loader *l, struct text_list a,
                             struct text_list b)
{
    if (b.count == 0)
        return a;
    if (a.count == 0)
        return b;
    struct text_list out = {0};
    out.items = arena_alloc(l->a, (a.count + b.count) * sizeof(char *));
    if (!out.items)
        return a;
    memcpy(out.items, a.items, a.count * sizeof(char *));
    memcpy(out.items + a.count, b.items, b.count * sizeof(char *));
    out.count = a.count + b.count;
    return out;
}

const char *loader_resolve_sound(struct loader *l, const config_setting_t *s)
{
    char why[512];
    const char *path = paths_resolve_sound(l->a, config_setting_get_string(s),
                                           l->dir, l->assets, why, sizeof(why));
    if (!path)
        ERR(l, s, "%s", why);
    return path;
}

void loader_read_sound(struct loader *l, const config_setting_t *g,
                       const char *name, struct sound_ref *out)
{
    const config_setting_t *s = config_setting_get_member(g, name);
    if (!s || config_setting_type(s) != CONFIG_TYPE_STRING)
        return;
    char why[512];
    const char *written = config_setting_get_string(s);
    const char *path = loader_resolve_sound(l, s);
    if (!path)
        return;
    if (l->check_sounds && !sound_check_file(path, written, why, sizeof(why))) {
        ERR(l, s, "sound file '%s' %s", written, why);
        return;
    }
    out->name = arena_strdup(l->a, written);
    out->path = path;
    out->line = schema_line(s);
}

/* ---- safety profiles -------------------------------------------------- */

static const config_setting_t *part(const config_setting_t *g, const char *name)
{
    const config_setting_t *s = config_setting_get_member(g, name);
    return s && config_setting_type(s) == CONFIG_TYPE_GROUP ? s : NULL;
}

static double shorter(double base, double own)
{
    if (own <= 0)
        return base;
    if (base <= 0)
        return own;
    return own < base ? own : base;
}

/* rating and rating_pause: a file may ask where a built-in profile does
 * not, and pause sooner, but never the other way (p starts as the
 * built-in profile, or zeroed). The group was checked already. */
static void load_profile_rating(struct safety_profile *p,
                                const config_setting_t *before)
{
    const config_setting_t *r =
        before ? config_setting_get_member(before, "rating") : NULL;
    if (r && config_setting_get_bool(r))
        p->rating = true;
    if (!before || !config_setting_get_member(before, "rating_pause"))
        return;
    int pause = (int)schema_number(before, &SCHEMA_BEFORE, "rating_pause");
    if (!p->has_rating_pause || pause < p->rating_pause)
        p->rating_pause = pause;
    p->has_rating_pause = true;
}

static void load_profile(struct loader *l, config_setting_t *g)
{
    const char *type = config_setting_name(g);
    if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
        ERR(l, g, "safety.%s: expected a group { }", type);
        return;
    }
    if (!session_name_valid(type)) {
        ERR(l, g,
            "safety: type name '%s' must be lowercase letters, digits and "
            "dashes",
            type);
        return;
    }
    if (l->n_profiles == MAX_PROFILES) {
        ERR(l, g, "safety: more than %d types in one file", MAX_PROFILES);
        return;
    }
    const config_setting_t *before = part(g, "before"),
                           *during = part(g, "during"),
                           *after = part(g, "after");
    bool ok = schema_check(&l->ctx, g, &SCHEMA_PROFILE, 0, NULL);
    if (before)
        ok = schema_check(&l->ctx, before, &SCHEMA_BEFORE, 0, NULL) && ok;
    if (during)
        ok = schema_check(&l->ctx, during, &SCHEMA_DURING, 0, NULL) && ok;
    if (after)
        ok = schema_check(&l->ctx, after, &SCHEMA_AFTER, 0, NULL) && ok;
    if (!ok)
        return;

    struct safety_profile *p = arena_alloc(l->a, sizeof(*p));
    if (!p)
        return;
    const struct safety_profile *base =
        l->builtin ? NULL : catalog_profile(l->cat, type);
    if (base)
        *p = *base;
    p->type = arena_strdup(l->a, type);
    p->builtin = l->builtin;
    p->contraindications = join(l, p->contraindications,
                                read_list(l, before, "contraindications"));
    p->clearance = join(l, p->clearance, read_list(l, before, "clearance"));
    p->preparation =
        join(l, p->preparation, read_list(l, before, "preparation"));
    p->stop_signs = join(l, p->stop_signs, read_list(l, during, "stop_signs"));
    p->doctor_signs =
        join(l, p->doctor_signs, read_list(l, after, "doctor_signs"));
    p->aftercare = join(l, p->aftercare, read_list(l, after, "aftercare"));

    const char *ask = before ? schema_string(before, "ask") : NULL;
    load_profile_rating(p, before);
    double reminder =
        during ? schema_number(during, &SCHEMA_DURING, "reminder_seconds") : 0;
    double checkin =
        during ? schema_number(during, &SCHEMA_DURING, "checkin_seconds") : 0;
    double timeout =
        schema_number(during ? during : g, &SCHEMA_DURING, "checkin_timeout");
    if (base) {
        if (ask)
            ERR(l, config_setting_get_member(before, "ask"),
                "ask: the built-in '%s' profile already says whom to ask; a "
                "file may add to a built-in profile but not replace it",
                type);
        p->reminder_seconds = shorter(base->reminder_seconds, reminder);
        p->checkin_seconds = shorter(base->checkin_seconds, checkin);
        if (during && config_setting_get_member(during, "checkin_timeout"))
            p->checkin_timeout = shorter(base->checkin_timeout, timeout);
    } else {
        p->ask = arena_strdup(l->a, ask);
        p->reminder_seconds = reminder;
        p->checkin_seconds = checkin;
        p->checkin_timeout = timeout;
        if (!ask)
            ERR(l, before ? before : g,
                "safety.%s is a new type: its before group needs 'ask' "
                "(whom to ask when a question blocks the session)",
                type);
        if (p->stop_signs.count == 0)
            ERR(l, during ? during : g,
                "safety.%s is a new type: its during group needs "
                "'stop_signs'",
                type);
        if (p->doctor_signs.count == 0)
            ERR(l, after ? after : g,
                "safety.%s is a new type: its after group needs "
                "'doctor_signs'",
                type);
    }
    l->profiles[l->n_profiles++] = p;
}

static void load_safety(struct loader *l, config_setting_t *root)
{
    config_setting_t *safety = config_setting_get_member(root, "safety");
    if (!safety || config_setting_type(safety) != CONFIG_TYPE_GROUP)
        return;
    int n = config_setting_length(safety);
    for (int i = 0; i < n; i++)
        load_profile(l, config_setting_get_elem(safety, (unsigned)i));
}

static const struct safety_profile *profile_for(const struct loader *l,
                                                const char *type)
{
    for (size_t i = 0; i < l->n_profiles; i++)
        if (strcmp(l->profiles[i]->type, type) == 0)
            return l->profiles[i];
    return catalog_profile(l->cat, type);
}

/* ---- sessions --------------------------------------------------------- */
double load_estimate_seconds(const struct session *s)
{
    double floor = pace_reading_seconds(SESSION_FLOOR_NOTICE), t = floor;
    for (size_t i = 0; i < s->n_steps; i++) {
        const struct step *st = &s->steps[i];
        if (st->has_at && floor + st->at > t)
            t = floor + st->at; /* quiet up to its time mark */
        if (st->say)
            t += pace_reading_seconds(st->say);
        switch (st->kind) {
        case STEP_BREATHE:
            t += st->cycles * (st->pattern[0] + st->pattern[1] +
                               st->pattern[2] + st->pattern[3]);
            break;
        case STEP_HOLD:
            t += st->seconds + 4;
            break;
        default:
            t += st->seconds;
        }
    }
    return t + 3;
}

static const struct session *find_in_file(const struct loader *l,
                                          const char *name)
{
    for (size_t i = 0; i < l->n_sessions; i++)
        if (strcmp(l->sessions[i]->name, name) == 0)
            return l->sessions[i];
    return NULL;
}

static void load_session(struct loader *l, const config_setting_t *g)
{
    bool ok = schema_check(&l->ctx, g, &SCHEMA_SESSION, 0, NULL);
    struct session *s = arena_alloc(l->a, sizeof(*s));
    if (!s)
        return;
    s->source = arena_strdup(l->a, l->ctx.file);
    s->line = schema_line(g);
    s->builtin = l->builtin_sessions;
    s->name = loader_dup_string(l, g, "name");
    s->title = loader_dup_string(l, g, "title");
    s->type = loader_dup_string(l, g, "type");
    s->description = loader_dup_string(l, g, "description");
    s->ambient_volume = schema_number(g, &SCHEMA_SESSION, "ambient_volume");
    s->speech_rate = schema_number(g, &SCHEMA_SESSION, "speech_rate");
    const config_setting_t *rating = config_setting_get_member(g, "rating");
    s->rating = rating && config_setting_type(rating) == CONFIG_TYPE_BOOL &&
                config_setting_get_bool(rating);
    const config_setting_t *name_s = config_setting_get_member(g, "name");
    if (s->name && !session_name_valid(s->name)) {
        ERR(l, name_s,
            "name: '%s' must be lowercase letters, digits and dashes (at "
            "most 48)",
            s->name);
        ok = false;
    } else if (s->name) {
        const struct session *other = find_in_file(l, s->name);
        if (!other)
            other = catalog_find(l->cat, s->name);
        if (other) {
            ERR(l, name_s, "duplicate session name '%s' (first at %s:%d)",
                s->name, other->source, other->line);
            ok = false;
        }
    }
    if (s->type) {
        s->safety = profile_for(l, s->type);
        if (!s->safety)
            ERR(l, config_setting_get_member(g, "type"),
                "type '%s' has no safety profile: define safety.%s in this "
                "file (before, during and after)",
                s->type, s->type);
    }
    if (ok) {
        loader_read_sound(l, g, "ambient", &s->ambient);
        const config_setting_t *sounds = config_setting_get_member(g, "sounds");
        if (sounds && schema_check(&l->ctx, sounds, &SCHEMA_SOUNDS, 0, NULL))
            for (int k = 0; k < SLOT_COUNT; k++)
                loader_read_sound(l, sounds, session_slot_name(k),
                                  &s->cue_sounds[k]);
    }
    const config_setting_t *steps = config_setting_get_member(g, "steps");
    int n = steps && config_setting_type(steps) == CONFIG_TYPE_LIST
                ? config_setting_length(steps)
                : 0;
    if (n > 0) {
        s->steps = arena_alloc(l->a, (size_t)n * sizeof(struct step));
        if (!s->steps)
            return;
        for (int i = 0; i < n; i++) {
            const config_setting_t *e =
                config_setting_get_elem(steps, (unsigned)i);
            if (config_setting_type(e) == CONFIG_TYPE_GROUP)
                loader_load_step(l, e, &s->steps[s->n_steps++]);
        }
    }
    loader_check_marks(l, s);
    double est = load_estimate_seconds(s);
    if (s->n_steps > 0 && est > LOAD_MAX_SESSION_SECONDS)
        ERR(l, g,
            "session '%s' lasts about %.0f h %.0f min; the limit is 4 hours",
            s->name ? s->name : "?", floor(est / 3600),
            floor(fmod(est, 3600) / 60));
    if (l->n_sessions < MAX_SESSIONS && s->name)
        l->sessions[l->n_sessions++] = s;
}

static bool check_version(struct loader *l, const config_setting_t *root)
{
    const config_setting_t *v = config_setting_get_member(root, "version");
    if (!v) {
        diag_add(l->ctx.d, l->ctx.file, 1,
                 "no 'version': a session file starts with version = %d;",
                 LOAD_FORMAT_VERSION);
        return false;
    }
    return cfgfile_check_version(&l->ctx, v, LOAD_FORMAT_VERSION);
}

static int load_config(struct loader *l, config_t *cfg)
{
    config_setting_t *root = config_root_setting(cfg);
    if (!check_version(l, root))
        return -1;
    schema_check(&l->ctx, root, &SCHEMA_TOP, 0, NULL);
    load_safety(l, root);
    const config_setting_t *list = config_setting_get_member(root, "sessions");
    int n = list && config_setting_type(list) == CONFIG_TYPE_LIST
                ? config_setting_length(list)
                : 0;
    if (!l->builtin && n == 0 && !failed(l))
        diag_add(l->ctx.d, l->ctx.file, list ? schema_line(list) : 1,
                 "the file has no sessions");
    for (int i = 0; i < n && i < MAX_SESSIONS; i++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
        if (config_setting_type(e) == CONFIG_TYPE_GROUP)
            load_session(l, e);
    }
    if (failed(l))
        return -1;
    if (l->builtin)
        for (size_t i = 0; i < l->n_profiles; i++)
            if (!catalog_add_profile(l->cat, l->profiles[i]))
                return -1;
    for (size_t i = 0; i < l->n_sessions; i++)
        if (!catalog_add(l->cat, l->sessions[i]))
            return -1;
    return (int)l->n_sessions;
}

static int load_text(struct catalog *c, const char *name, const char *dir,
                     const char *text, size_t len, const struct load_env *env,
                     struct diag_list *d, bool builtin)
{
    struct loader *l = calloc(1, sizeof(*l));
    if (!l) {
        diag_add(d, name, 0, "out of memory");
        return -1;
    }
    l->ctx.file = name;
    l->ctx.d = d;
    l->cat = c;
    l->a = catalog_arena(c);
    l->dir = dir;
    l->assets = env ? env->assets : NULL;
    l->builtin_sessions = env && env->builtin;
    l->check_sounds = env && env->check_sounds;
    l->builtin = builtin;
    l->errors_at_start = diag_total(d);
    int rc = -1;
    config_t cfg;
    config_init(&cfg);
    if (cfgfile_parse(&cfg, name, text, len, LOAD_MAX_FILE_BYTES, KIND, d))
        rc = load_config(l, &cfg);
    config_destroy(&cfg);
    free(l);
    return rc;
}

int load_session_text(struct catalog *c, const char *name, const char *dir,
                      const char *text, size_t len, const struct load_env *env,
                      struct diag_list *d)
{
    return load_text(c, name, dir, text, len, env, d, false);
}

int load_builtin_safety(struct catalog *c, struct diag_list *d)
{
    int rc = load_text(c, "config/safety.cfg", NULL, builtin_safety_cfg,
                       strlen(builtin_safety_cfg), NULL, d, true);
    return rc < 0 ? -1 : 0;
}

int load_session_file(struct catalog *c, const char *path,
                      const struct load_env *env, struct diag_list *d)
{
    size_t len = 0;
    char *text = cfgfile_read(path, LOAD_MAX_FILE_BYTES, KIND, &len, NULL, d);
    if (!text)
        return -1;
    char dir[PATHS_MAX];
    int rc = -1;
    if (!paths_folder_of(path, dir, sizeof(dir)))
        diag_add(d, path, 0, "cannot find the file's folder");
    else
        rc = load_text(c, path, dir, text, len, env, d, false);
    free(text);
    return rc;
}
